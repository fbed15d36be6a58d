import { buildCompareModel } from '@/src/compare/compare-model';
import { dataset } from '@/src/data/dataset';
import { formatIsoDate } from '@/src/data/labels';
import { DEFAULT_SETTINGS } from '@/src/settings/settings';
import { AboutDataLink } from '../shared/AboutDataLink';
import { useSettings } from '../shared/use-settings';

/** All six drugs side by side; each cell's numbers link straight to its sources. */
export function CompareApp() {
  const settings = useSettings().settings ?? DEFAULT_SETTINGS;

  const model = buildCompareModel(dataset, settings.regulators);

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
                          const { n } = s;
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
        {model.sources.map((s) => (
          <li key={s.id} value={s.n}>
            {s.citation}{' '}
            {s.href && (
              <a href={s.href} target="_blank" rel="noopener noreferrer" aria-label={`open source ${s.n} in a new tab`}>
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
