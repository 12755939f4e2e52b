import { isChartStoreError } from '../../model/index.js';
import { recordingMessages as m } from './recording.messages.js';

/** What a failed save says, and where: the store's message and each field it names. */
export function storeFailure(error: unknown): { message: string; where: string[] } {
  if (isChartStoreError(error))
    return {
      message: m.saveFailed(error.message),
      where: error.issues.map((issue) => m.issue(issue.path, issue.message)),
    };
  return {
    message: m.saveFailed(error instanceof Error ? error.message : String(error)),
    where: [],
  };
}
