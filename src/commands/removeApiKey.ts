// BoldDesk: Remove API Key — deletes the key for the configured domain from SecretStorage (after asking). With
// several identities it first asks which one (the same flow as Remove Identity).
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { removeIdentityFlow } from './removeIdentity';

export const removeApiKeyCommand: BoldDeskCommand = {
  id: Commands.removeApiKey,
  run: (deps, arg) => removeIdentityFlow(deps, arg),
};
