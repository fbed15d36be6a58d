// The six drugs, as plain values: the schema builds its enum from this list, and the page-side
// scripts check message fields against it without loading the schema or the names.
export const DRUG_IDS = ['abrocitinib', 'upadacitinib', 'baricitinib', 'ruxolitinib', 'delgocitinib', 'tofacitinib'] as const;
