import { z } from 'zod';

/**
 * The platforms a destination can stream to, with the ingest URLs and limits that
 * docs/research (library-streaming.md) gathered from the platforms' and OBS's own service list.
 */
export const PlatformSchema = z.enum(['facebook', 'youtube', 'custom']);
export type Platform = z.infer<typeof PlatformSchema>;

export interface PlatformInfo {
  /** Prefilled in the server field; '' for custom. */
  server: string;
  backupServer: string | null;
  /** The platforms want a keyframe every 2 s; a custom ingest gets the same advice. */
  keyframeSec: number;
  /** Highest audio bitrate (kbps) the platform accepts; null when it publishes none. */
  maxAudioKbps: number | null;
  /** Tallest picture accepted; null: no limit we know of. */
  maxHeight: number | null;
  /** The service's name in OBS's own list (rtmp_common), whose recommended settings OBS applies. */
  obsService: string | null;
}

export const platforms: Record<Platform, PlatformInfo> = {
  facebook: {
    server: 'rtmps://rtmp-api.facebook.com:443/rtmp/',
    backupServer: null,
    keyframeSec: 2,
    maxAudioKbps: 128,
    maxHeight: 1080,
    obsService: 'Facebook Live',
  },
  youtube: {
    server: 'rtmps://a.rtmps.youtube.com:443/live2',
    backupServer: 'rtmps://b.rtmps.youtube.com:443/live2?backup=1',
    keyframeSec: 2,
    maxAudioKbps: 160,
    maxHeight: null,
    obsService: 'YouTube - RTMPS',
  },
  custom: { server: '', backupServer: null, keyframeSec: 2, maxAudioKbps: null, maxHeight: null, obsService: null },
};

export type ObsStreamService =
  { streamServiceType: 'rtmp_common'; service: string } | { streamServiceType: 'rtmp_custom' };

/**
 * How go-live hands the destination to OBS. Through OBS's own service entry when there is one:
 * only then does OBS apply the platform's recommended encoder settings, above all a keyframe
 * every 2 s (with rtmp_custom, OBS 29's Simple mode lets x264 place one every 250 frames,
 * over 8 s at 30 fps). OBS swaps a Facebook server it does not list for its own, so another
 * Facebook server goes as custom; YouTube's service keeps the server it is given.
 */
export function obsStreamService(destination: { platform: Platform; server: string }): ObsStreamService {
  const info = platforms[destination.platform];
  if (info.obsService === null) return { streamServiceType: 'rtmp_custom' };
  if (destination.platform === 'facebook' && destination.server !== info.server)
    return { streamServiceType: 'rtmp_custom' };
  return { streamServiceType: 'rtmp_common', service: info.obsService };
}

/**
 * Highest video bitrate (kbps) for a picture of `height` lines at `fps`, or null when the
 * platform publishes no limit. Facebook: OBS's service limits (6000 at 1080p30, 9000 at
 * 1080p60, 4000 at 720p, 2000 at 480p, 1000 at 360p). YouTube: 3-8 Mbps for 720p/1080p30;
 * only the upper bound is enforced, a lower bitrate still streams.
 */
export function maxVideoKbps(platform: Platform, height: number, fps: number): number | null {
  if (platform === 'facebook') {
    if (height > 720) return fps > 30 ? 9000 : 6000;
    if (height > 480) return 4000;
    if (height > 360) return 2000;
    return 1000;
  }
  if (platform === 'youtube') return 8000;
  return null;
}
