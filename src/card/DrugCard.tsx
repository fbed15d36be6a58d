import type { ComponentChildren } from 'preact';
import type { CardModel, CardSectionModel, Item, Provenance } from './card-model';

// One card, two places: on a page (inside a closed shadow root) and in the
// popup. Everything is rendered as text nodes by Preact; nothing from the page
// or the dataset is ever parsed as HTML.

function Refs({ from }: { from: Provenance }) {
  const label = [from.evidence, from.status].filter(Boolean).join('; ');
  return (
    <>
      {from.refs.length > 0 && (
        <span class="refs" aria-label={`source${from.refs.length > 1 ? 's' : ''} ${from.refs.join(', ')}`}>
          {' '}[{from.refs.join(', ')}]
        </span>
      )}
      {label && <span class="evidence"> {label}</span>}
    </>
  );
}

function ItemView({ item }: { item: Item }) {
  switch (item.kind) {
    case 'heading':
      return <h4 class="sub">{item.text}</h4>;
    case 'note':
      return (
        <p class="note">
          {item.prefix && <strong>{item.prefix}: </strong>}
          {item.text}
          {item.suffix && <span class="suffix"> ({item.suffix})</span>}
          <Refs from={item.from} />
        </p>
      );
    case 'caveat':
      return <p class="caveat">{item.text}</p>;
    case 'levels':
      return (
        <ul class="levels" aria-label="Inhibition by kinase">
          {item.levels.map((l) => (
            <li class={`level level-${l.level}`} key={l.kinase}>
              <span class="kinase">{l.kinase}</span> <span class="level-label">{l.label}</span>
              {/* A chip is small: its references and any status short of verified; the sources list says what each source is. */}
              {l.from && <Refs from={{ refs: l.from.refs, ...(l.from.status ? { status: l.from.status } : {}) }} />}
            </li>
          ))}
        </ul>
      );
    case 'assay':
      return (
        <div class="assay">
          <p class="note">
            {item.title}
            <Refs from={item.from} />
          </p>
          <table>
            <tbody>
              {item.figures.map((f) => (
                <tr key={f.kinase}>
                  <th scope="row">{f.kinase}</th>
                  <td>{f.value}</td>
                  <td>{f.measure}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'approval':
      return (
        <p class="approval">
          <strong>{item.regulator}</strong>
          {item.product && ` (${item.product})`}:{' '}
          <span class={item.approved ? 'state approved' : 'state not-approved'}>{item.approved ? 'approved' : 'not approved'}</span>
          {item.date && ` ${item.date}`}
          {item.population && <span class="population">. {item.population}</span>}
          <Refs from={item.from} />
        </p>
      );
    case 'figures':
      return (
        <div class="figures">
          <p class="figure-line">
            <strong>{item.infection}: </strong>
            {item.rows.map((r, i) => (
              <span class="figure" key={i}>
                {i > 0 && ' · '}
                {r.arm} <b>{r.rate}</b>
              </span>
            ))}{' '}
            <span class="unit">{item.unit}</span>
            <Refs from={item.from} />
          </p>
          <p class="population">{item.population}</p>
        </div>
      );
    case 'boxed':
      return (
        <p class="note">
          <strong>{item.product}: </strong>
          {item.present ? 'Yes. ' : 'No. '}
          {item.covers}
          <Refs from={item.from} />
        </p>
      );
    case 'conflict':
      return (
        <div class="conflict" role="group" aria-label={`Conflicting sources: ${item.topic}`}>
          <p class="conflict-title">
            <strong>Sources disagree:</strong> {item.topic}
          </p>
          <ul>
            {item.sides.map((s, i) => (
              <li key={i}>
                {s.position}
                <Refs from={s.from} />
              </li>
            ))}
          </ul>
          <p class="takeaway">{item.takeaway}</p>
        </div>
      );
  }
}

function Items({ items }: { items: Item[] }) {
  return (
    <>
      {items.map((item, i) => (
        <ItemView item={item} key={i} />
      ))}
    </>
  );
}

function detailsLabel(details: Item[]): string {
  const conflicts = details.filter((d) => d.kind === 'conflict').length;
  const rest = details.filter((d) => d.kind !== 'conflict' && d.kind !== 'heading').length;
  const parts = [`${rest} more note${rest === 1 ? '' : 's'}`];
  if (conflicts) parts.push(`${conflicts} conflict${conflicts === 1 ? '' : 's'} between sources`);
  return parts.join(', ');
}

function Section({ section, headingId }: { section: CardSectionModel; headingId: string }) {
  return (
    <section class={`section section-${section.id}`} aria-labelledby={headingId} data-section={section.id}>
      <h3 id={headingId}>{section.title}</h3>
      <Items items={section.summary} />
      {section.details.length > 0 && (
        <details>
          <summary>{detailsLabel(section.details)}</summary>
          <Items items={section.details} />
        </details>
      )}
    </section>
  );
}

export interface DrugCardProps {
  model: CardModel;
  /** Prefix for element ids, unique per card on a page. */
  idPrefix?: string;
  /** Extra controls for the header (e.g. a close button). */
  actions?: ComponentChildren;
  /**
   * How many of the sections to draw, the sources counting as the last: a card drawn unseen is
   * drawn a section per task, so that no step holds the page up. All when not given.
   */
  upTo?: number;
}

export function DrugCard({ model, idPrefix = 'jak-lens', actions, upTo = Infinity }: DrugCardProps) {
  const titleId = `${idPrefix}-title`;
  return (
    <article class="card" aria-labelledby={titleId} data-drug={model.drugId}>
      <header class="head">
        <div class="head-text">
          <h2 id={titleId}>
            {model.asWritten ? (
              <>
                <span class="as-written">{model.asWritten.text}</span> <span aria-hidden="true">→</span>
                <span class="visually-hidden"> is </span> {model.title}
              </>
            ) : (
              model.title
            )}
          </h2>
          {model.asWritten && (
            <p class="name-kind">
              “{model.asWritten.text}” is a {model.asWritten.kind}
              {model.asWritten.regions && ` (${model.asWritten.regions})`}.{model.asWritten.note && ` ${model.asWritten.note}`}
              {model.asWritten.status && <span class="evidence"> ({model.asWritten.status})</span>}
            </p>
          )}
          <p class="profile">{model.profile}</p>
        </div>
        {actions}
      </header>
      <div class="body">
        {model.sections.slice(0, upTo).map((s) => (
          <Section section={s} headingId={`${idPrefix}-${s.id}`} key={s.id} />
        ))}
        {model.sources.length > 0 && upTo > model.sections.length && (
          <section class="section section-sources" aria-labelledby={`${idPrefix}-sources`} data-section="sources">
            <h3 id={`${idPrefix}-sources`}>Sources</h3>
            <ol class="sources">
              {model.sources.map((s) => (
                <li value={s.n} key={s.id}>
                  {s.citation}
                  {s.grade !== 'primary' && <span class="evidence"> ({s.grade === 'news' ? 'news or press release' : 'secondary source'})</span>}
                  {s.href && (
                    <>
                      {' '}
                      <a href={s.href} target="_blank" rel="noopener noreferrer">
                        open
                        <span class="visually-hidden"> source {s.n} in a new tab</span>
                      </a>
                      {s.linkNote && <span class="evidence"> ({s.linkNote})</span>}
                    </>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
      <footer class="foot">
        Facts current as of {model.factsAsOf}. A reading aid: check the prescribing information.
      </footer>
    </article>
  );
}
