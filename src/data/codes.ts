import { z } from 'zod/mini';

// The dataset's code lists that the settings and the labels need too. They live
// apart from the full schema so that the content script, which reads the
// settings on every page, does not build the whole dataset schema to get them.

export const Regulator = z.enum(['us-fda', 'eu-ec', 'jp-mhlw', 'uk-mhra', 'ca-hc', 'cn-nmpa', 'kr-mfds']);
export type Regulator = z.infer<typeof Regulator>;

export const Kinase = z.enum(['JAK1', 'JAK2', 'JAK3', 'TYK2']);
export type Kinase = z.infer<typeof Kinase>;
