import { AboutDataLink } from '../shared/AboutDataLink';

export function OptionsApp() {
  return (
    <main style={{ maxWidth: '42rem', margin: '0 auto', padding: '1.5rem 1rem' }}>
      <h1 style={{ fontSize: '1.4rem', marginTop: 0 }}>JAK Lens options</h1>
      <p style={{ color: 'var(--jl-muted)' }}>
        JAK Lens works entirely inside your browser: it makes no network requests and collects no data.
      </p>
      <AboutDataLink />
    </main>
  );
}
