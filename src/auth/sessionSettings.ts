// The settings the session depends on (domain, agent e-mail, request timeout), read on first use rather than in
// activate(), and the error requireApi() throws when one is missing.
import * as vscode from 'vscode';
import { parseDomain, type DomainResult } from '../api/domain';
import { ConfigError } from '../api/errors';
import { Defaults, Settings } from '../constants';

/** requireApi() failed because a setting is missing; `missing` picks the action button. */
export class MissingSettingError extends ConfigError {
  constructor(
    readonly missing: 'domain' | 'key',
    message: string,
  ) {
    super(message);
  }
}

export interface SessionConfig {
  domainInput: string;
  agentEmail: string;
  timeoutMs: number;
}

/** package.json's maximum for bolddesk.requestTimeoutSeconds. */
export const MAX_TIMEOUT_SECONDS = 300;

function readConfig(): SessionConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const seconds = c.get<number>(Settings.requestTimeoutSeconds, Defaults.requestTimeoutSeconds);
  return {
    domainInput: (c.get<string>(Settings.domain) ?? '').trim(),
    agentEmail: (c.get<string>(Settings.agentEmail) ?? '').trim(),
    // Clamped to the setting's declared range: above 2^31-1 ms setTimeout fires at once and every request "times out".
    timeoutMs: Math.min(MAX_TIMEOUT_SECONDS, Math.max(1, Number.isFinite(seconds) ? seconds : Defaults.requestTimeoutSeconds)) * 1000,
  };
}

/** The settings as last read, with the domain parsed; read again after invalidate(). */
export class SessionSettings {
  private loaded: { config: SessionConfig; domain: DomainResult } | undefined;

  get config(): SessionConfig {
    return this.read().config;
  }

  get domain(): DomainResult {
    return this.read().domain;
  }

  /** The configured origin; with `expected`, throws unless it still is that one (the domain changed meanwhile). */
  requireOrigin(expected?: string): string {
    const domain = this.domain;
    if (domain.ok && expected !== undefined && domain.origin !== expected) {
      throw new MissingSettingError(
        'domain',
        vscode.l10n.t('The BoldDesk domain changed to {0} while you were entering a key for {1}. Nothing was sent or stored; try again.', domain.origin, expected),
      );
    }
    if (domain.ok) return domain.origin;
    throw new MissingSettingError(
      'domain',
      this.config.domainInput
        ? vscode.l10n.t('The BoldDesk domain “{0}” is not valid: {1}', this.config.domainInput, domain.reason)
        : vscode.l10n.t('No BoldDesk domain is set yet. Run “BoldDesk: Set Domain”.'),
    );
  }

  /** Forgets the values (a setting changed); returns the old ones, or undefined when they were never read. */
  invalidate(): SessionConfig | undefined {
    const before = this.loaded?.config;
    this.loaded = undefined;
    return before;
  }

  private read(): { config: SessionConfig; domain: DomainResult } {
    if (!this.loaded) {
      const config = readConfig();
      this.loaded = { config, domain: parseDomain(config.domainInput) };
    }
    return this.loaded;
  }
}
