import { browser } from 'wxt/browser';
// Only the dataset's version and date: the popup does not load the whole dataset to show this line.
import meta from '@/src/data/dataset/class.json';
import { formatIsoDate } from '@/src/data/labels';

/** "About the data": the generated view of the whole dataset, shipped inside the extension. */
export function AboutDataLink() {
  return (
    <p class="about-data">
      <a href={browser.runtime.getURL('/dataset.html')} target="_blank" rel="noopener">
        About the data
      </a>{' '}
      <span class="muted">
        (dataset {meta.version}, facts current as of {formatIsoDate(meta.factsCurrentAsOf)})
      </span>
    </p>
  );
}
