// BoldDesk: Remove API Key — deletes the key for the configured domain from SecretStorage (after asking).
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

export const removeApiKeyCommand: BoldDeskCommand = {
  id: Commands.removeApiKey,
  run: async (deps) => {
    const host = deps.session.host;
    if (!host || !(await deps.session.hasKey())) {
      void deps.prompts.info('No BoldDesk API key is stored for the configured domain.');
      return false;
    }
    const sure = await deps.prompts.confirm(`Remove the BoldDesk API key for ${host} from this computer?`, {
      detail: 'The key stays valid in BoldDesk; revoke it there (avatar → View profile & Settings → API Keys) if it leaked.',
      confirmLabel: 'Remove',
    });
    if (!sure) return false;
    await deps.session.removeKey();
    void deps.prompts.info(`The API key for ${host} was removed from VS Code's secret storage.`);
    return true;
  },
};
