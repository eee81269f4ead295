import { useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteDevice, RemotePairing, RemoteRole } from '../../../shared/remote/remote-state';
import { RemoteRoleSchema } from '../../../shared/remote/remote-state';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { useNow } from '../../hooks/use-now';
import {
  connectRemoteStore,
  formatCountdown,
  secondsLeft,
  setRemoteState,
  useRemoteStore,
} from '../../stores/remote-store';
import { ErrorMessage } from '../ErrorMessage';
import { QrCode } from './QrCode';
import './remote.css';

/**
 * "Telefon som fjärrkontroll" in Settings: on/off, the address when the computer has several,
 * pairing (QR code, six digits, countdown), the paired devices with their roles, and what a
 * phone can and cannot do. Every change is the core's; the panel shows its `remote.state`.
 */
export function RemotePanel({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const state = useRemoteStore((s) => s.state);
  const loadError = useRemoteStore((s) => s.loadError);
  const action = useAction();
  // The network chosen while the remote is off: used when it is turned on (the core is told too).
  const [pickedWhileOff, setPickedWhileOff] = useState<string | null>(null);
  const picked =
    state && !state.enabled && pickedWhileOff !== null && state.addresses.includes(pickedWhileOff)
      ? pickedWhileOff
      : (state?.address ?? null);

  useEffect(() => connectRemoteStore(api), [api]);

  const change = (work: Parameters<typeof action.run<typeof state & object>>[0]) =>
    void action.run(work).then((result) => {
      if (result?.ok) setRemoteState(result.value);
    });

  return (
    <section className="panel remote-panel" aria-labelledby={`${id}-heading`} data-testid="remote-panel" id="remote">
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="remote-panel__heading">
        {t('remote.panel.heading')}
      </h3>
      <p>{t('remote.panel.intro')}</p>
      {loadError && <ErrorMessage error={loadError} />}
      {state && (
        <>
          <label className="live-switch remote-panel__switch">
            <input
              type="checkbox"
              role="switch"
              checked={state.enabled}
              aria-describedby={`${id}-onoff`}
              onChange={(e) =>
                change(() =>
                  api.remote.setEnabled({
                    enabled: e.target.checked,
                    ...(picked ? { address: picked } : {}),
                  }),
                )
              }
              data-testid="remote-toggle"
            />
            {t('remote.panel.toggle')}
          </label>
          <p id={`${id}-onoff`} className="remote-panel__onoff" data-enabled={state.enabled}>
            {state.enabled ? t('remote.panel.on') : t('remote.panel.off')} {t('remote.panel.autoOff')}
          </p>
          {state.problem && <ErrorMessage error={state.problem} />}
          {action.error && <ErrorMessage error={action.error} />}
          {state.addresses.length > 1 && (
            <div className="field remote-panel__address">
              <label htmlFor={`${id}-address`}>{t('remote.panel.address')}</label>
              <p className="field__hint" id={`${id}-address-hint`}>
                {t('remote.panel.addressHint')}
              </p>
              <select
                id={`${id}-address`}
                value={picked ?? ''}
                aria-describedby={`${id}-address-hint`}
                onChange={(e) => {
                  if (!state.enabled) setPickedWhileOff(e.target.value);
                  change(() => api.remote.setEnabled({ enabled: state.enabled, address: e.target.value }));
                }}
                data-testid="remote-address"
              >
                {picked === null && <option value="" disabled />}
                {state.addresses.map((address) => (
                  <option key={address} value={address}>
                    {address}
                  </option>
                ))}
              </select>
            </div>
          )}
          {state.enabled &&
            (state.pairing ? (
              <Pairing
                pairing={state.pairing}
                url={state.url}
                onNewCode={() => change(() => api.remote.startPairing())}
                onCancel={() => change(() => api.remote.cancelPairing())}
              />
            ) : (
              <button
                type="button"
                className="button button--primary"
                aria-disabled={action.pending}
                onClick={() => change(() => api.remote.startPairing())}
                data-testid="remote-pair"
              >
                {t('remote.panel.pair')}
              </button>
            ))}
          <Devices
            devices={state.devices}
            onRole={(deviceId, role) => change(() => api.remote.setRole({ deviceId, role }))}
            onRevoke={(deviceId) => change(() => api.remote.revoke({ deviceId }))}
          />
          <div className="remote-panel__rules">
            <h4>{t('remote.panel.canHeading')}</h4>
            <ul>
              <li>{t('remote.panel.operatorCan')}</li>
              <li>{t('remote.panel.hostCan')}</li>
            </ul>
            <p>{t('remote.panel.cannot')}</p>
          </div>
        </>
      )}
    </section>
  );
}

function Pairing({
  pairing,
  url,
  onNewCode,
  onCancel,
}: {
  pairing: RemotePairing;
  url: string | null;
  onNewCode: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const now = useNow(true, 1_000);
  const left = secondsLeft(pairing.expiresAt, now);
  const expired = left === 0;
  return (
    <div className="remote-pairing" data-testid="remote-pairing" data-expired={expired}>
      <h4>{t('remote.panel.pairingHeading')}</h4>
      {expired ? (
        <p role="status">{t('remote.panel.expired')}</p>
      ) : (
        <div className="remote-pairing__codes">
          <div className="remote-pairing__qr">
            <p>{t('remote.panel.scan')}</p>
            <QrCode text={pairing.url} label={t('remote.panel.qrLabel')} />
          </div>
          <div className="remote-pairing__typed">
            {url && (
              <>
                <p>{t('remote.panel.typeInstead')}</p>
                <p className="remote-pairing__url" data-testid="remote-url">
                  {url}
                </p>
              </>
            )}
            <p className="remote-pairing__code" data-testid="pairing-code" data-code={pairing.code}>
              <span aria-hidden="true">
                {pairing.code.slice(0, 3)} {pairing.code.slice(3)}
              </span>
              <span className="visually-hidden">{spacedCode(pairing.code)}</span>
            </p>
            <p className="remote-pairing__countdown" data-testid="pairing-countdown">
              {t('remote.panel.expiresIn', { time: formatCountdown(left) })}
            </p>
          </div>
        </div>
      )}
      <div className="remote-pairing__buttons">
        <button type="button" className="button button--primary" onClick={onNewCode} data-testid="remote-new-code">
          {t('remote.panel.newCode')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('remote.panel.cancelPairing')}
        </button>
      </div>
    </div>
  );
}

/** A screen reader says the digits one by one: "4 8 1 2 0 7". */
const spacedCode = (code: string): string => code.split('').join(' ');

function Devices({
  devices,
  onRole,
  onRevoke,
}: {
  devices: RemoteDevice[];
  onRole: (deviceId: string, role: RemoteRole) => void;
  onRevoke: (deviceId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <div className="remote-devices">
      <h4>{t('remote.panel.devicesHeading')}</h4>
      {devices.length === 0 ? (
        <p>{t('remote.panel.noDevices')}</p>
      ) : (
        <ul className="remote-devices__list" data-testid="remote-devices">
          {devices.map((device) => {
            const online = device.connections > 0;
            return (
              <li key={device.id} className="remote-device" data-testid="remote-device" data-device={device.id}>
                <div className="remote-device__facts">
                  <span className="remote-device__name">{device.name}</span>
                  <span className={`remote-device__state${online ? ' remote-device__state--on' : ''}`}>
                    <span className="remote-device__dot" aria-hidden="true" />
                    {online ? t('remote.panel.connected') : t('remote.panel.notConnected')}
                  </span>
                  <span className="remote-device__seen">
                    {device.lastSeenAt
                      ? t('remote.panel.lastSeen', { when: when(device.lastSeenAt) })
                      : t('remote.panel.neverSeen')}
                  </span>
                </div>
                <label className="remote-device__role">
                  <span>{t('remote.panel.role')}</span>
                  <select
                    id={`${id}-${device.id}`}
                    value={device.role}
                    onChange={(e) => onRole(device.id, RemoteRoleSchema.parse(e.target.value))}
                  >
                    {RemoteRoleSchema.options.map((role) => (
                      <option key={role} value={role}>
                        {t(`remote.panel.roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="button button--danger remote-device__revoke"
                  aria-label={t('remote.panel.revokeLabel', { name: device.name })}
                  onClick={() => onRevoke(device.id)}
                >
                  {t('remote.panel.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
