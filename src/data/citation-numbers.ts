/** Numbers sources in the order a card or table first cites them: [1], [2], ... */
export class CitationNumbers {
  private readonly numbers = new Map<string, number>();

  /** The numbers of these sources, giving the next free number to each one not cited before. */
  cite(ids: readonly string[]): number[] {
    return ids.map((id) => {
      let n = this.numbers.get(id);
      if (n === undefined) {
        n = this.numbers.size + 1;
        this.numbers.set(id, n);
      }
      return n;
    });
  }

  /** Every cited source id with its number, in citing order. */
  entries(): [string, number][] {
    return [...this.numbers];
  }
}
