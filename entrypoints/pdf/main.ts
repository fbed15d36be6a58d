import './viewer.css';
import { startPdfViewer } from '@/src/pdf-viewer/viewer-app';

startPdfViewer(document);
