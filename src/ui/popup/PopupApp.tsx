import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CardData } from '@/src/data/card-data';
import { buildCardModel } from '@/src/card/card-model';
import { DrugCard } from '@/src/card/DrugCard';
import { genericName } from '@/src/data/names';
import { NAME_KIND_LABEL, STATUS_LABEL } from '@/src/data/labels';
import type { DrugId } from '@/src/data/schema';
import { NameLookup, type LookupResult } from '@/src/lookup/search';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { AboutDataLink } from '../shared/AboutDataLink';
import { useSettings } from '../shared/use-settings';
import { OnThisPage } from './OnThisPage';

const lookup = new NameLookup();
/** The whole dataset is loaded only when a card is to be shown, so the popup opens sooner. */
async function loadCardData(drugId: DrugId): Promise<CardData> {
  const [{ dataset }, { cardDataFor }] = await Promise.all([import('@/src/data/dataset'), import('@/src/data/card-data')]);
  return cardDataFor(dataset, drugId);
}

/** The popup: look a drug up by any name, see what the current page names, pause JAK Lens on a site. */
export function PopupApp() {
  const params = new URLSearchParams(location.search);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<{ drugId: DrugId; asWritten?: { text: string; name: string } } | null>(null);
  const stored = useSettings();
  const settings = stored.settings ?? DEFAULT_SETTINGS;

  const results = useMemo(() => lookup.search(query), [query]);
  const suggestions = useMemo(() => (query.trim() && results.length === 0 ? lookup.closest(query) : []), [query, results]);

  // A lookup opened with a query (e.g. from the context menu) shows the best match at once.
  useEffect(() => {
    if (params.get('q') && results[0]) setChosen({ drugId: results[0].drugId, asWritten: { text: results[0].matched.text, name: results[0].matched.canonical } });
  }, []);

  const choose = (r: LookupResult) => setChosen({ drugId: r.drugId, asWritten: { text: r.matched.text, name: r.matched.canonical } });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      choose(results[active]);
    }
  };

  const [data, setData] = useState<CardData | null>(null);
  useEffect(() => {
    setData(null);
    if (!chosen) return;
    let live = true;
    void loadCardData(chosen.drugId).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [chosen?.drugId]);
  const model =
    chosen && data && data.drug.id === chosen.drugId
      ? buildCardModel(data, { sections: settings.sections, regulators: settings.regulators, asWritten: chosen.asWritten })
      : null;

  return (
    <main class="popup">
      <h1>JAK Lens</h1>
      <div class="lookup" role="search">
        <label for="lookup-input">Look up a JAK inhibitor</label>
        <input
          id="lookup-input"
          type="search"
          autoFocus
          autocomplete="off"
          spellcheck={false}
          placeholder="Generic name, brand or code"
          value={query}
          role="combobox"
          list={undefined}
          aria-expanded={results.length > 0 && !chosen}
          aria-controls="lookup-results"
          aria-activedescendant={results.length && !chosen ? `result-${active}` : undefined}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setActive(0);
            setChosen(null);
          }}
          onKeyDown={onKeyDown}
        />
        {!chosen && results.length > 0 && (
          <ul id="lookup-results" role="listbox" aria-label="Matching drugs">
            {results.map((r, i) => (
              <li
                id={`result-${i}`}
                key={r.drugId}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'result active' : 'result'}
                onClick={() => choose(r)}
              >
                <strong>{genericName(r.drugId)}</strong>
                {r.matched.text.toLowerCase() !== genericName(r.drugId) && (
                  <span class="muted">
                    {' '}
                    ({r.matched.text}, {NAME_KIND_LABEL[r.matched.kind]}
                    {r.matched.status !== 'verified' && `, ${STATUS_LABEL[r.matched.status]}`})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {query.trim() !== '' && results.length === 0 && (
          <p class="no-match" role="status">
            No JAK inhibitor in JAK Lens matches “{query.trim()}”.
            {suggestions.length > 0 && <> Closest names: {suggestions.join(', ')}.</>}
          </p>
        )}
      </div>
      {model && (
        <div class="popup-card">
          <DrugCard model={model} idPrefix="popup-card" />
        </div>
      )}
      <p class="compare-link">
        <a href={browser.runtime.getURL('/compare.html')} target="_blank" rel="noopener">
          Compare all six side by side
        </a>
        {' · '}
        <a href={browser.runtime.getURL('/pdf.html')} target="_blank" rel="noopener">
          Open a PDF from this computer
        </a>
      </p>
      <OnThisPage settings={settings} onSettings={(next) => void stored.save(next)} />
      <AboutDataLink />
      <p class="muted shortcut">
        Keyboard: Alt+Shift+J / Alt+Shift+K go to the next / previous mention on a page.
      </p>
    </main>
  );
}
