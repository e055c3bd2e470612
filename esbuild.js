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

// html-to-text (~190 KB minified) is needed only to show a ticket document, so it is not in dist/extension.js:
// it ships as dist/htmlToText.js, require()d on first use (src/views/ticketDocumentText.ts). See docs/BENCHMARKS.md.
const lazyHtmlToText = {
  name: 'lazy-html-to-text',
  setup(build) {
    build.onResolve({ filter: /^html-to-text$/ }, () => ({ path: './htmlToText.js', external: true }));
  },
};

// Inside it, dom-serializer's entities@4 (used only for its escape functions) is swapped for the entities@7 that
// htmlparser2 already brings, so one copy of the entity tables ships instead of two (-75 KB).
const oneEntities = {
  name: 'one-entities',
  setup(build) {
    const v7 = path.join(__dirname, 'node_modules/htmlparser2/node_modules/entities/dist/esm/index.js');
    build.onResolve({ filter: /^entities$/ }, (args) =>
      /[\\/]dom-serializer[\\/]/.test(args.importer) && require('fs').existsSync(v7) ? { path: v7 } : undefined);
  },
};

/** The extension host bundles: [dist/extension.js, dist/htmlToText.js] (also used by test/unit/bundleSize.test.ts). */
function extensionBundleOptions(isProduction, outdir = 'dist') {
  const common = { bundle: true, format: 'cjs', minify: isProduction, sourcemap: !isProduction, sourcesContent: false,
    platform: 'node', target: 'node20', metafile: true, logLevel: 'warning' };
  return [
    { ...common, entryPoints: [path.join(__dirname, 'src/extension.ts')], outfile: path.join(outdir, 'extension.js'),
      external: ['vscode'], plugins: [lazyHtmlToText] },
    // Only compile(), from the ES module builds (tree-shaken; the CommonJS ones are ~60 KB larger).
    { ...common, stdin: { contents: "export { compile } from 'html-to-text';", resolveDir: __dirname, sourcefile: 'htmlToText.js' },
      mainFields: ['module', 'main'], outfile: path.join(outdir, 'htmlToText.js'), plugins: [oneEntities] },
  ];
}

async function main() {
  const [ctx, htmlToTextCtx] = await Promise.all(extensionBundleOptions(production).map((o) => esbuild.context(o)));
  copyCodicons();
  // A production build must not ship a stale source map from an earlier development build.
  require('fs').rmSync(path.join(__dirname, 'media', 'dist'), { recursive: true, force: true });
  const webviewCtx = await esbuild.context(webviewOptions);
  if (watch) {
    await ctx.watch();
    await htmlToTextCtx.watch();
    await webviewCtx.watch();
    return;
  }
  const [result] = await Promise.all([ctx.rebuild(), htmlToTextCtx.rebuild(), webviewCtx.rebuild()]);
  await Promise.all([ctx.dispose(), htmlToTextCtx.dispose(), webviewCtx.dispose()]);
  if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
}

module.exports = { extensionBundleOptions, webviewOptions };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
