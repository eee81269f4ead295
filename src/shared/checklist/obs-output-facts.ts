import { z } from 'zod';

/**
 * What the app could read of OBS's output settings (GetVideoSettings, GetProfileParameter,
 * GetStats). null: OBS does not say. In Advanced output mode OBS 29 keeps the stream
 * encoder's bitrate and keyframe interval in streamEncoder.json, which obs-websocket cannot
 * read: when OBS runs on this computer the core reads that file from OBS's profile folder;
 * when OBS is on another computer, or the file cannot be read, they stay null and the check
 * says "check in OBS" instead of guessing.
 */
/** Where OBS records, as seen from this computer (only when OBS runs here). */
export const RecordFolderSchema = z.object({
  path: z.string(),
  /** missing: OBS would refuse to record (it says "bad output path" in a dialog of its own). */
  status: z.enum(['ok', 'missing', 'notWritable']),
});
export type RecordFolder = z.infer<typeof RecordFolderSchema>;

export const OutputFactsSchema = z.object({
  width: z.number(),
  height: z.number(),
  fps: z.number(),
  /** 'Simple' or 'Advanced' (Output/Mode). */
  mode: z.string(),
  videoKbps: z.number().nullable(),
  audioKbps: z.number().nullable(),
  /** 0: "auto" (keyint_sec 0, and always in Simple mode): the encoder decides, x264 every 250 frames. */
  keyframeSec: z.number().nullable(),
  /**
   * OBS applies a listed service's recommended encoder settings (a keyframe every 2 s) when
   * streaming through it: always in Simple mode, in Advanced mode unless "Enforce streaming
   * service encoder settings" (AdvOut/ApplyServiceSettings) is off.
   */
  serviceSettingsApplied: z.boolean(),
  /** MB free where OBS records (GetStats.availableDiskSpace). */
  availableDiskMb: z.number().nullable(),
  /** null or absent: not known (OBS on another computer, or not read). */
  recordFolder: RecordFolderSchema.nullable().optional(),
});
export type OutputFacts = z.infer<typeof OutputFactsSchema>;

/** Two hours at 8 Mbps with a margin: enough for a library program's recording. */
export const MIN_FREE_DISK_MB = 8 * 1024;
