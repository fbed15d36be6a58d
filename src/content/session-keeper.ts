import type { Settings } from '../settings/settings';
import { PageSession, type SessionOptions } from './page-session';

// One page session kept in step with the settings, for a web page's frame and for the PDF viewer
// alike: a fresh session when the chosen name kinds change (the matcher is built from them), none
// while the page may not be marked, and the other settings applied to the live one.

export class SessionKeeper {
  private session: PageSession | null = null;
  private kinds = '';

  constructor(private readonly options: SessionOptions) {}

  /** The live session, if any. */
  get current(): PageSession | null {
    return this.session;
  }

  /** `allowed`: whether the page may be marked at all (its site is not paused). */
  apply(settings: Settings, allowed: boolean): void {
    const marking = allowed && Object.values(settings.nameKinds).some(Boolean);
    const kinds = JSON.stringify(settings.nameKinds);
    if (this.session && (!marking || kinds !== this.kinds)) this.stop();
    if (marking && !this.session) {
      this.kinds = kinds;
      this.session = new PageSession(settings, this.options);
      void this.session.start();
    } else this.session?.applySettings(settings);
  }

  stop(): void {
    this.session?.stop();
    this.session = null;
  }
}
