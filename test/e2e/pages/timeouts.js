// How long UI waits may take on a slow, busy 2-core machine. Waits end as soon as the state is reached.
module.exports = {
  /** The workbench rendering after page load (code-server + extension host start). */
  startup: 180000,
  /** Anything that involves the extension host or a request to the fake BoldDesk. */
  ui: 60000,
  /** A toast or pop-up that is already on its way. */
  short: 15000,
};
