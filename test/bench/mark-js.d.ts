declare module 'mark.js' {
  interface MarkRegExpOptions {
    acrossElements?: boolean;
    exclude?: string[];
    each?: (element: Element) => void;
    done?: (count: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Document);
    markRegExp(regexp: RegExp, options?: MarkRegExpOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}
