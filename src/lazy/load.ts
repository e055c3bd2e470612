// The door to the lazily loaded bundles (dist/extras.js, dist/extrasUi.js; esbuild.js builds them and turns
// these require()s into requires of the sibling files). Under tsc (unit tests) they load the modules directly.
// The bundles get their own copy of pure helpers; anything with identity (error classes, l10n's configuration)
// stays on this side: l10n.t is handed over, and errors are re-created here (client.downloadAttachment).
import * as l10n from '@vscode/l10n';
import type * as Extras from './extras';
import type * as ExtrasUi from './extrasUi';

let loaded: typeof Extras | undefined;

export function extras(): typeof Extras {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('./extras') as typeof Extras;
    loaded.setTranslator(l10n.t);
  }
  return loaded;
}

export function extrasUi(): typeof ExtrasUi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./extrasUi') as typeof ExtrasUi;
}
