// Bundles the extension host code into one file; `--production` minifies, `--watch` rebuilds on change.
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The ticket webview's script: a browser bundle under media/ (the VSIX ships dist/extension.js and media/ only).
const webviewOptions = {
  entryPoints: ['src/webview/ticketPanel/main.ts'],
  bundle: true,
  format: 'iife',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  platform: 'browser',
  target: 'es2022',
  outfile: 'media/dist/ticketPanel.js',
  logLevel: 'warning',
};

// Codicons for the webview, copied from node_modules into media/codicons/ (generated, gitignored).
function copyCodicons() {
  const fs = require('fs');
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'media', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

// node-fetch (the design card's HTTP library) is needed only once a request is made, so it is not in
// dist/extension.js: it ships as dist/nodeFetch.js, require()d on the first request (src/api/nodeFetch.ts).
const lazyNodeFetch = {
  name: 'lazy-node-fetch',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: './nodeFetch.js', external: true }));
  },
};

// "BoldDesk: Check Connection"'s probe runs only when the command does: dist/connectionCheck.js, required then.
const lazyConnectionCheck = {
  name: 'lazy-connection-check',
  setup(build) {
    build.onResolve({ filter: /[\\/]connectionCheck$/ }, () => ({ path: './connectionCheck.js', external: true }));
  },
};

// Issue 15's features (Markdown with markdown-it, attachments, the draft preview) are needed only when used: they
// ship as dist/extras.js (no vscode) and dist/extrasUi.js, require()d on first use through src/lazy/load.ts.
const lazyExtras = {
  name: 'lazy-extras',
  setup(build) {
    build.onResolve({ filter: /^\.\/extras(Ui)?$/ }, (args) =>
      /[\\/]src[\\/]lazy$/.test(args.resolveDir) ? { path: `${args.path}.js`, external: true } : undefined);
  },
};
// Inside those bundles @vscode/l10n is a shim that uses the main bundle's configured l10n.t (src/lazy/l10nShim.ts).
const l10nShim = {
  name: 'l10n-shim',
  setup(build) {
    build.onResolve({ filter: /^@vscode\/l10n$/ }, () => ({ path: path.join(__dirname, 'src/lazy/l10nShim.ts') }));
  },
};

/**
 * The extension host bundles: [dist/extension.js, dist/nodeFetch.js, dist/connectionCheck.js, dist/extras.js,
 * dist/extrasUi.js] (also used by test/unit/project/bundleSize.test.ts).
 */
function extensionBundleOptions(isProduction, outdir = 'dist') {
  const common = { bundle: true, format: 'cjs', minify: isProduction, sourcemap: !isProduction, sourcesContent: false,
    platform: 'node', target: 'node20', metafile: true, logLevel: 'warning' };
  return [
    { ...common, entryPoints: [path.join(__dirname, 'src/extension.ts')], outfile: path.join(outdir, 'extension.js'),
      external: ['vscode'], plugins: [lazyNodeFetch, lazyConnectionCheck, lazyExtras] },
    // fetch-blob require()s web-streams-polyfill only where Node has no ReadableStream (Node < 16.5); VS Code's
    // extension host always has it, so the 60 KB polyfill stays out.
    { ...common, stdin: { contents: "export { default } from 'node-fetch';", resolveDir: __dirname, sourcefile: 'nodeFetch.js' },
      outfile: path.join(outdir, 'nodeFetch.js'), external: ['web-streams-polyfill', 'web-streams-polyfill/*'] },
    { ...common, entryPoints: [path.join(__dirname, 'src/api/connectionCheck.ts')], outfile: path.join(outdir, 'connectionCheck.js') },
    ...['extras', 'extrasUi'].map((name) => ({ ...common, entryPoints: [path.join(__dirname, `src/lazy/${name}.ts`)],
      outfile: path.join(outdir, `${name}.js`), external: ['vscode'], plugins: [lazyNodeFetch, lazyExtras, l10nShim] })),
  ];
}

async function main() {
  const [ctx, nodeFetchCtx, ...lazyCtxs] = await Promise.all(extensionBundleOptions(production).map((o) => esbuild.context(o)));
  copyCodicons();
  // A production build must not ship a stale source map from an earlier development build.
  require('fs').rmSync(path.join(__dirname, 'media', 'dist'), { recursive: true, force: true });
  const webviewCtx = await esbuild.context(webviewOptions);
  if (watch) {
    await ctx.watch();
    await nodeFetchCtx.watch();
    for (const c of lazyCtxs) await c.watch();
    await webviewCtx.watch();
    return;
  }
  const [result] = await Promise.all([ctx.rebuild(), nodeFetchCtx.rebuild(), ...lazyCtxs.map((c) => c.rebuild()), webviewCtx.rebuild()]);
  await Promise.all([ctx.dispose(), nodeFetchCtx.dispose(), ...lazyCtxs.map((c) => c.dispose()), webviewCtx.dispose()]);
  if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
}

module.exports = { extensionBundleOptions, webviewOptions };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
