import { useEffect } from 'react';

interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/**
 * Keeps the phone's screen on while `active` (on air), so the remote is still there when the
 * reader looks up from the book. The Wake Lock API exists only on https pages, and the remote
 * is served over plain http on the library's network: there, a tiny silent video playing in a
 * loop (muted, out of sight) does the same, as phones keep the screen on during playback.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    return wakeLock ? holdWakeLock(wakeLock) : playKeepAwakeVideo();
  }, [active]);
}

function holdWakeLock(wakeLock: WakeLockLike): () => void {
  let sentinel: WakeLockSentinelLike | null = null;
  let stopped = false;
  const acquire = () => {
    if (stopped || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
    wakeLock.request('screen').then(
      (lock) => {
        if (stopped) void lock.release().catch(() => {});
        else sentinel = lock;
      },
      // Refused (low battery, a policy): the screen may sleep; nothing to tell the user.
      () => {},
    );
  };
  acquire();
  // The browser drops the lock when the page is hidden: ask again when it is shown.
  document.addEventListener('visibilitychange', acquire);
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', acquire);
    void sentinel?.release().catch(() => {});
  };
}

function playKeepAwakeVideo(): () => void {
  const video = document.createElement('video');
  video.muted = true;
  video.loop = true;
  video.playsInline = true;
  video.setAttribute('playsinline', '');
  video.setAttribute('aria-hidden', 'true');
  video.dataset.testid = 'keep-awake';
  video.className = 'keep-awake';
  for (const [src, type] of [
    ['./media/keep-awake.webm', 'video/webm'],
    ['./media/keep-awake.mp4', 'video/mp4'],
  ] as const) {
    const source = document.createElement('source');
    source.src = src;
    source.type = type;
    video.append(source);
  }
  document.body.append(video);
  // A phone may refuse to play before the first touch on the page: try again at each touch.
  const play = () => {
    if (video.paused) void video.play().catch(() => {});
  };
  play();
  document.addEventListener('pointerdown', play);
  document.addEventListener('visibilitychange', play);
  return () => {
    document.removeEventListener('pointerdown', play);
    document.removeEventListener('visibilitychange', play);
    video.pause();
    video.remove();
  };
}
