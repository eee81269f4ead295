import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/host/data-dir';

describe('defaultDataDir', () => {
  it("follows XDG on Linux like Electron's userData, and ignores a relative XDG_CONFIG_HOME", () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/xdg/Bibblan Live');
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Bibblan Live');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/ann')).toBe('/home/ann/.config/Bibblan Live');
  });

  it("uses Electron's folders on Windows and macOS", () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Bibblan Live',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Bibblan Live');
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Bibblan Live');
  });
});
