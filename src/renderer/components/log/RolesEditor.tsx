import { useTranslation } from 'react-i18next';
import { RoleSchema, type Role } from '../../../shared/broadcast-log/entry-schema';
import { LOG_LIMITS } from '../../../shared/broadcast-log/limits';

const KINDS = RoleSchema.shape.role.options;

/** Who did what in the broadcast: host, producer, chat moderator… with names. */
export function RolesEditor({ roles, onChange }: { roles: Role[]; onChange: (roles: Role[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<Role>) =>
    onChange(roles.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <fieldset className="log-roles">
      <legend>{t('log.detail.roles')}</legend>
      {roles.map((role, index) => (
        <div key={index} className="log-role">
          <label className="log-field">
            <span>{t('log.detail.roleKind')}</span>
            <select value={role.role} onChange={(e) => update(index, { role: e.target.value as Role['role'] })}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`log.detail.roleNames.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="log-field">
            <span>{t('log.detail.roleName')}</span>
            <input value={role.name} maxLength={200} onChange={(e) => update(index, { name: e.target.value })} />
          </label>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange(roles.filter((_, i) => i !== index))}
          >
            {t('log.detail.remove')} – {role.name || t(`log.detail.roleNames.${role.role}`)}
          </button>
        </div>
      ))}
      {roles.length < LOG_LIMITS.roles && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange([...roles, { role: 'host', name: '' }])}
        >
          {t('log.detail.addRole')}
        </button>
      )}
    </fieldset>
  );
}
