import { useState } from 'preact/hooks';
import { REGULATOR_LABEL, REGULATOR_ORDER } from '@/src/data/labels';
import { NAME_GROUPS, type NameGroup } from '@/src/data/name-groups';
import { CARD_SECTIONS, type CardSection } from '@/src/settings/choices';
import { DEFAULT_SETTINGS, exportSettings, parseSettingsImport, type Settings } from '@/src/settings/settings';
import { normalizeSitePattern } from '@/src/settings/site-rules';
import { AboutDataLink } from '../shared/AboutDataLink';
import { CheckboxGroup } from '../shared/CheckboxGroup';
import { useSettings } from '../shared/use-settings';
import { MarkPreview } from './MarkPreview';
import { PdfOption } from './PdfOption';
import { ShortcutsSection } from './ShortcutsSection';

const SECTION_LABEL: Record<CardSection, string> = {
  selectivity: 'JAK selectivity',
  approval: 'Approval status (with restrictions, other indications and dosing)',
  boxedWarning: 'Boxed warning (US)',
  viralRisk: 'Viral-infection risk (herpes zoster, herpes simplex, eczema herpeticum)',
  prophylaxis: 'Prophylaxis and screening',
  sources: 'Sources (numbered references under each note)',
};

const NAME_GROUP_LABEL: Record<NameGroup, string> = {
  generic: 'Generic names and salt forms (upadacitinib, tofacitinib citrate)',
  brand: 'Brand names (Rinvoq, Olumiant)',
  code: 'Development codes (ABT-494, CP-690,550)',
  otherScript: 'Names in Japanese and Chinese script',
  misspelling: 'Misspellings seen in print (Rinvoqq)',
};

const FIELD_LABEL: Record<keyof Settings, string> = {
  siteMode: 'where JAK Lens runs',
  sites: 'the site list',
  markStyle: 'how marks look',
  sections: 'card sections',
  regulators: 'regulators',
  nameKinds: 'which names are marked',
  dwellMs: 'hover delay',
  openPdfs: 'opening PDFs in JAK Lens',
};

export function OptionsApp() {
  const { settings, reset: resetFields, save: store } = useSettings();
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);

  if (!settings) return <main class="options" aria-busy="true" />;

  const save = async (next: Settings, message = 'Saved. Open pages update at once.') => {
    setProblem('');
    await store(next);
    setStatus(message);
  };

  const addSite = () => {
    const pattern = normalizeSitePattern(siteInput);
    if (!pattern) {
      setSiteError('Enter a host name such as pubmed.ncbi.nlm.nih.gov, *.example.org or localhost:8080.');
      return;
    }
    setSiteError('');
    setSiteInput('');
    if (!settings.sites.includes(pattern)) void save({ ...settings, sites: [...settings.sites, pattern] });
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'jak-lens-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus('Settings exported to jak-lens-settings.json.');
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = parseSettingsImport(await file.text());
    if (!result.ok) {
      setStatus('');
      setProblem(`Import refused, nothing was changed. ${result.message}`);
      return;
    }
    await save(result.settings, `Imported ${file.name}.`);
  };

  return (
    <main class="options">
      <h1>JAK Lens options</h1>
      <p class="muted">Changes are saved at once, synced with your browser profile, and applied to open pages without a reload.</p>
      {resetFields.length > 0 && (
        <p class="notice" role="alert">
          Some saved settings could not be read and were reset to their defaults: {resetFields.map((f) => FIELD_LABEL[f]).join(', ')}.
        </p>
      )}

      <section aria-labelledby="card-heading">
        <h2 id="card-heading">What the card shows</h2>
        <CheckboxGroup
          legend="Sections"
          keys={CARD_SECTIONS}
          label={(id) => SECTION_LABEL[id]}
          checked={(id) => settings.sections[id]}
          onToggle={(id, on) => void save({ ...settings, sections: { ...settings.sections, [id]: on } })}
        />
        <CheckboxGroup
          legend="Approvals from these regulators"
          keys={REGULATOR_ORDER}
          label={(r) => REGULATOR_LABEL[r]}
          checked={(r) => settings.regulators.includes(r)}
          onToggle={(r, on) => void save({ ...settings, regulators: REGULATOR_ORDER.filter((x) => (x === r ? on : settings.regulators.includes(x))) })}
        />
      </section>

      <section aria-labelledby="names-heading">
        <h2 id="names-heading">Which names are marked on pages</h2>
        <CheckboxGroup
          legend="Mark these kinds of names"
          keys={NAME_GROUPS}
          label={(g) => NAME_GROUP_LABEL[g]}
          checked={(g) => settings.nameKinds[g]}
          onToggle={(g, on) => void save({ ...settings, nameKinds: { ...settings.nameKinds, [g]: on } })}
        />
      </section>

      <section aria-labelledby="look-heading">
        <h2 id="look-heading">How marks look</h2>
        <fieldset>
          <legend>Mark style</legend>
          {(
            [
              ['underline', 'Dotted underline'],
              ['tint', 'Background tint'],
              ['none', 'No mark (the card still opens when you rest the pointer on a name)'],
            ] as const
          ).map(([value, label]) => (
            <label class="check" key={value}>
              <input type="radio" name="markStyle" checked={settings.markStyle === value} onChange={() => void save({ ...settings, markStyle: value })} />
              {label}
            </label>
          ))}
        </fieldset>
        <MarkPreview style={settings.markStyle} />
        <label class="field">
          Open the card after resting the pointer on a name for (milliseconds)
          <input
            type="number"
            min={0}
            max={3000}
            step={50}
            value={settings.dwellMs}
            onChange={(e) => {
              const value = Math.round(Number((e.target as HTMLInputElement).value));
              if (Number.isFinite(value) && value >= 0 && value <= 3000) void save({ ...settings, dwellMs: value });
              else setProblem('The hover delay must be between 0 and 3000 milliseconds.');
            }}
          />
        </label>
      </section>

      <PdfOption on={settings.openPdfs} onChange={(openPdfs) => void save({ ...settings, openPdfs })} />

      <ShortcutsSection />

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Where JAK Lens runs</h2>
        <fieldset>
          <legend>Run JAK Lens</legend>
          <label class="check">
            <input type="radio" name="siteMode" checked={settings.siteMode === 'all-except'} onChange={() => void save({ ...settings, siteMode: 'all-except' })} />
            On every site except those listed
          </label>
          <label class="check">
            <input type="radio" name="siteMode" checked={settings.siteMode === 'only-listed'} onChange={() => void save({ ...settings, siteMode: 'only-listed' })} />
            Only on the sites listed
          </label>
        </fieldset>
        <ul class="sites" aria-label="Listed sites">
          {settings.sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={`Remove ${site}`} onClick={() => void save({ ...settings, sites: settings.sites.filter((s) => s !== site) })}>
                Remove
              </button>
            </li>
          ))}
          {settings.sites.length === 0 && <li class="muted">No sites listed.</li>}
        </ul>
        <form
          class="add-site"
          onSubmit={(e) => {
            e.preventDefault();
            addSite();
          }}
        >
          <label class="field">
            Add a site (host name; subdomains included)
            <input
              type="text"
              value={siteInput}
              placeholder="ehr.example-hospital.org"
              aria-invalid={siteError ? 'true' : undefined}
              aria-describedby={siteError ? 'site-error' : undefined}
              onInput={(e) => setSiteInput((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">Add site</button>
          {siteError && (
            <p id="site-error" class="error">
              {siteError}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="backup-heading">
        <h2 id="backup-heading">Back up and restore</h2>
        <div class="row">
          <button type="button" onClick={exportFile}>
            Export settings
          </button>
          <label class="file">
            Import settings from a file
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.target as HTMLInputElement)} />
          </label>
        </div>
        {!confirmReset ? (
          <button type="button" onClick={() => setConfirmReset(true)}>
            Reset to defaults…
          </button>
        ) : (
          <div class="confirm" role="group" aria-label="Confirm reset">
            <p>Reset every setting, including your site list, to its default?</p>
            <button
              type="button"
              onClick={() => {
                setConfirmReset(false);
                void save({ ...DEFAULT_SETTINGS }, 'All settings are back to their defaults.');
              }}
            >
              Reset all settings
            </button>{' '}
            <button type="button" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </div>
        )}
      </section>

      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <p class="status" role="status">
        {status}
      </p>
      <AboutDataLink />
    </main>
  );
}
