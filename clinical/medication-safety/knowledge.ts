import { CROSS_REACTIVE_CLASSES, DRUG_CLASSES, type DrugClassId } from '../data/drug-classes.js';
import {
  ONC_HIGH_PRIORITY_INTERACTIONS,
  type OncInteraction,
} from '../data/onc-high-priority-interactions.js';
import { RXNORM_DRUG_INGREDIENTS } from '../data/rxnorm-drugs.js';
import { SNOMED_ALLERGENS, type SnomedAllergen } from '../data/snomed-allergens.js';

// The shipped data indexed once, on first use, into Maps keyed by code and
// by ingredient: a check looks things up, it never scans a data file.

export interface Knowledge {
  drugByRxNorm: ReadonlyMap<string, readonly string[]>;
  allergenBySnomed: ReadonlyMap<string, SnomedAllergen>;
  /** Every ingredient named anywhere in the data. */
  ingredients: ReadonlySet<string>;
  classesOf: ReadonlyMap<string, readonly DrugClassId[]>;
  crossReactive: ReadonlyMap<DrugClassId, readonly DrugClassId[]>;
  /** For each ingredient, the ONC pairs it is on, with the side it is on. */
  interactionsOf: ReadonlyMap<
    string,
    ReadonlyArray<{ pair: OncInteraction; other: ReadonlySet<string> }>
  >;
}

let built: Knowledge | undefined;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(): Knowledge {
  const ingredients = new Set<string>();
  const drugByRxNorm = new Map<string, readonly string[]>();
  for (const [code, names] of Object.entries(RXNORM_DRUG_INGREDIENTS)) {
    drugByRxNorm.set(code, names);
    for (const name of names) ingredients.add(name);
  }
  const classesOf = new Map<string, DrugClassId[]>();
  for (const drugClass of DRUG_CLASSES) {
    for (const name of drugClass.ingredients) {
      ingredients.add(name);
      push(classesOf, name, drugClass.id);
    }
  }
  const crossReactive = new Map<DrugClassId, DrugClassId[]>();
  for (const [a, b] of CROSS_REACTIVE_CLASSES) {
    push(crossReactive, a, b);
    push(crossReactive, b, a);
  }
  const interactionsOf = new Map<
    string,
    Array<{ pair: OncInteraction; other: ReadonlySet<string> }>
  >();
  for (const pair of ONC_HIGH_PRIORITY_INTERACTIONS) {
    const object = new Set(pair.object);
    const precipitant = new Set(pair.precipitant);
    for (const name of object) {
      ingredients.add(name);
      push(interactionsOf, name, { pair, other: precipitant });
    }
    for (const name of precipitant) {
      ingredients.add(name);
      // A pair whose sides are one list (QT) is indexed once per member.
      if (!object.has(name)) push(interactionsOf, name, { pair, other: object });
    }
  }
  return {
    drugByRxNorm,
    allergenBySnomed: new Map(Object.entries(SNOMED_ALLERGENS)),
    ingredients,
    classesOf,
    crossReactive,
    interactionsOf,
  };
}

/** The indexed data, built on the first call. */
export function knowledge(): Knowledge {
  return (built ??= build());
}
