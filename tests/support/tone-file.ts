import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A 5 s 440 Hz WAV; an ffmpeg_source looping it behaves like a live mic (environment.md). */
export function makeToneFile(dir: string): string {
  const file = join(dir, 'tone.wav');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=5', file]);
  return file;
}

/** CreateInput data for a looping tone "mic" in a scene. */
export const toneInput = (sceneName: string, inputName: string, file: string) => ({
  sceneName,
  inputName,
  inputKind: 'ffmpeg_source',
  inputSettings: {
    local_file: file,
    looping: true,
    is_local_file: true,
    restart_on_activate: false,
    close_when_inactive: false,
  },
});
