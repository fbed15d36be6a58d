import { AboutDataLink } from '../shared/AboutDataLink';

export function PopupApp() {
  return (
    <main class="popup" style={{ width: '22rem', padding: '0.75rem 1rem' }}>
      <h1 style={{ fontSize: '1.1rem', margin: '0 0 0.25rem' }}>JAK Lens</h1>
      <p style={{ margin: 0, color: 'var(--jl-muted)' }}>
        Marks abrocitinib, upadacitinib, baricitinib, ruxolitinib, delgocitinib and tofacitinib on the pages you read.
      </p>
      <AboutDataLink />
    </main>
  );
}
