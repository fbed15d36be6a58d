import { buildCompareModel, type CellSource } from '@/src/compare/compare-model';
import { dataset } from '@/src/data/dataset';
import { formatIsoDate } from '@/src/data/labels';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { AboutDataLink } from '../shared/AboutDataLink';
import { useSettings } from '../shared/use-settings';

/** All six drugs side by side; each cell's numbers link straight to its sources. */
export function CompareApp() {
  const settings = useSettings().settings ?? DEFAULT_SETTINGS;

  const model = buildCompareModel(dataset, settings.regulators);
  // Sources are numbered in the order the table first cites them, reading row by row.
  const numbers = new Map<string, number>();
  const cited: CellSource[] = [];
  for (const row of model.rows) {
    for (const c of row.cells) {
      for (const s of c.sources) {
        if (numbers.has(s.id)) continue;
        numbers.set(s.id, numbers.size + 1);
        cited.push(s);
      }
    }
  }

  return (
    <main class="compare">
      <h1>JAK inhibitors side by side</h1>
      <p class="muted">
        Facts current as of {formatIsoDate(dataset.factsCurrentAsOf)}. {dataset.caveats.crossTrial} A reading aid: check the
        prescribing information.
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <td />
              {model.drugs.map((d) => (
                <th scope="col" key={d.id}>
                  {d.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr key={row.id} data-row={row.id}>
                <th scope="row">{row.label}</th>
                {row.cells.map((c, i) => (
                  <td key={model.drugs[i]!.id} data-drug={model.drugs[i]!.id}>
                    {c.lines.map((line, j) => (
                      <div key={j}>{line}</div>
                    ))}
                    {c.provenance && <div class="provenance">({c.provenance})</div>}
                    {c.sources.length > 0 && (
                      <div class="cell-sources">
                        {c.sources.map((s) => {
                          const n = numbers.get(s.id)!;
                          return s.href ? (
                            <a key={s.id} href={s.href} target="_blank" rel="noopener noreferrer" aria-label={`Source ${n}: ${s.citation}`}>
                              [{n}]
                            </a>
                          ) : (
                            <span key={s.id}>[{n}]</span>
                          );
                        })}
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Sources</h2>
      <ol class="compare-sources">
        {cited.map((s) => (
          <li key={s.id} value={numbers.get(s.id)}>
            {s.citation}{' '}
            {s.href && (
              <a href={s.href} target="_blank" rel="noopener noreferrer" aria-label={`open source ${numbers.get(s.id)} in a new tab`}>
                open
              </a>
            )}
          </li>
        ))}
      </ol>
      <AboutDataLink />
    </main>
  );
}
