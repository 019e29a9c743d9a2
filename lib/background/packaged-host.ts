/**
 * The recognizer host as the extension starts it, over the data files of its own package: in
 * Firefox's background page, and in the worker of Chrome's offscreen document. Only where the
 * files are addressed from and how the host is named differ between the two.
 */
import type { RecognizerStatus } from '../messages/types';
import { createRecognizer } from '../recognize';
import { loadRecognizerData } from '../recognize/data/source.extension';
import { WARM_UP_TEXTS } from '../recognize/warm-up';
import {
  lowPriority,
  packageFileReader,
  type RecognizerHost,
  startRecognizerHost,
  type TaskScheduler,
} from './recognizer-host';

const later = (task: () => void) => void setTimeout(task, 0);

export function startPackagedRecognizerHost(options: {
  /** The URL of a package path ("/recognizer/model.bin"). */
  fileUrl: (path: string) => string;
  about: Pick<RecognizerStatus, 'host' | 'startedAt'>;
  log: (...args: unknown[]) => void;
}): RecognizerHost {
  const readFile = packageFileReader(options.fileUrl, fetch);
  return startRecognizerHost({
    load: () => loadRecognizerData(readFile),
    createRecognizer,
    warmUpTexts: WARM_UP_TEXTS,
    now: () => performance.now(),
    later,
    schedule: lowPriority((globalThis as { scheduler?: TaskScheduler }).scheduler, later),
    log: options.log,
    about: options.about,
  });
}
