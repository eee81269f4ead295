import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { RecordFolder } from '../../shared/checklist/obs-output-facts';
import type { ObsController } from '../obs/obs-controller';
import { isLocalObsAddress } from './read-obs-profile-files';

type FolderObs = Pick<ObsController, 'call'>;

/**
 * Whether OBS can record where it is set to. Needed because OBS (29 to 32 alike) answers
 * StartRecord with success when its recording folder is missing, then shows a dialog
 * ("bad output path") and sends no RecordStateChanged: the app would wait for nothing.
 * Only when OBS runs on this computer (the folder is OBS's path, not ours); null: cannot tell.
 */
export async function readRecordFolder(obs: FolderObs, address: string | undefined): Promise<RecordFolder | null> {
  if (address === undefined || !isLocalObsAddress(address)) return null;
  const reply = await obs.call('GetRecordDirectory');
  if (!reply.ok) return null;
  const path = reply.value.recordDirectory.trim();
  if (path === '') return { path, status: 'missing' };
  try {
    if (!(await stat(path)).isDirectory()) return { path, status: 'missing' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { path, status: 'missing' } : null;
  }
  try {
    await access(path, constants.W_OK);
    return { path, status: 'ok' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? { path, status: 'notWritable' } : null;
  }
}
