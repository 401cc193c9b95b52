import type { Place } from '../domain/gazetteer.js';
import type { UnitLevel } from '../domain/unit-name.js';

/** A form of a unit name that may appear in a question, with the documents that name that unit. */
export interface UnitForm {
  form: string;
  key: string;
  level: UnitLevel;
  docs: Set<string>;
}

/**
 * A plan that is one body's own (a bureau's, a centre's): the body as people name it. Its plan
 * answers a question about the body; the 处/科/室 the plan names are the body's internal units.
 */
export interface BodyForm {
  doc: string;
  /** The issuer as printed (厦门市财政局). */
  issuer: string;
  /** The issuer without its region (财政局). */
  name: string;
  level: UnitLevel;
  /** `name` read as function and kind of body (财政 + 局). */
  func: string;
  kind: string;
}

/**
 * What the library teaches the question parser — learned from the documents and the gazetteer,
 * never hard-coded: regions and their plans, units and bodies by every form people type, plan years.
 */
export interface Vocabulary {
  /** Region forms and their documents, longest first (for listing what the library covers). */
  regionForms: Array<{ form: string; docs: string[] }>;
  /** Region forms (蕉岭县, 蕉岭 …) → the documents of that region's own level. */
  regionsByForm: Map<string, string[]>;
  /** Every unit form, longest first. */
  unitForms: UnitForm[];
  /** Unit forms (县财政局, 财政局, 发改局 …) with their alias key and level. */
  unitsByForm: Map<string, UnitForm[]>;
  /** Unit forms without level by the first character of their function and their kind (住|局). */
  unitsByHead: Map<string, UnitForm[]>;
  /** Bodies whose own plans the library holds, by the first character of their function and kind. */
  bodiesByHead: Map<string, BodyForm[]>;
  /** Documents that are one body's own plan. */
  bodyDocs: Set<string>;
  /** Documents by plan year. */
  docYears: Array<{ doc: string; year: number | null }>;
  /** A document's division in the gazetteer. */
  placeOf: (doc: string) => Place | undefined;
  /** Documents of regions inside a division, not the division's own. */
  docsInside: (place: Place) => string[];
  /** True when some task's text holds the word (a word the library uses is no typo). */
  inText: (word: string) => boolean;
  /** Splits text into words, stop words left out (the tokenizer and stop list the index uses). */
  tokenize: (text: string) => string[];
}
