import { browser } from 'wxt/browser';
import { dataset } from '@/src/data/dataset';
import { formatIsoDate } from '@/src/data/labels';

/** "About the data": the generated view of the whole dataset, shipped inside the extension. */
export function AboutDataLink() {
  return (
    <p class="about-data">
      <a href={browser.runtime.getURL('/dataset.html')} target="_blank" rel="noopener">
        About the data
      </a>{' '}
      <span class="muted">
        (dataset {dataset.version}, facts current as of {formatIsoDate(dataset.factsCurrentAsOf)})
      </span>
    </p>
  );
}
