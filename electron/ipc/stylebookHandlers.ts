/** The style book and per-story check memory channels: the book is the chief editor's to change. */
import type { Services } from '../services/openServices';
import type { Handlers } from './registry';
import { NewsdeskError } from '../../shared/ipc/errors';
import { deskIdentity } from '../../shared/model/settings';

export function stylebookHandlers(
  s: Services,
  actor: () => string,
): Pick<Handlers, 'stylebook.get' | 'stylebook.save' | 'lint.memory' | 'lint.dismiss' | 'lint.keep'> {
  return {
    'stylebook.get': () => s.stylebook.get(),
    // The desk refuses at once what the hub would refuse later (stylebookRule.ts): only the chief editor edits it.
    'stylebook.save': ({ entries, keep }) => {
      if (deskIdentity(s.settings.get()).role !== 'chief-editor')
        throw new NewsdeskError('forbidden', '只有值班总编可以修改本报用语规范');
      return s.stylebook.save({ entries, keep }, actor());
    },
    'lint.memory': ({ id }) => s.lintMemory.get(id),
    'lint.dismiss': ({ id, key }) => s.lintMemory.dismiss(id, key),
    'lint.keep': ({ id, word }) => s.lintMemory.keep(id, word),
  };
}
