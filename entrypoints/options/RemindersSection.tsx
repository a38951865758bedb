import { useId } from 'react';
import { PrivacyToggle } from '@/components/privacy/PrivacyToggle';
import { useSettingsStore } from '@/components/privacy/settings-store';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

/** Reminders about new approved posts: off until the employee turns them on, within their limits. */
export function RemindersSection() {
  const { settings, update } = useSettingsStore();
  const r = settings.reminders;
  const set = (patch: Partial<Settings['reminders']>) =>
    void update((s) => ({ ...s, reminders: { ...s.reminders, ...patch } }));
  const id = useId();
  const dayName = (d: number) => new Date(2026, 10, 22 + d).toLocaleDateString(undefined, { weekday: 'long' }); // 22 Nov 2026 is a Sunday
  return (
    <section aria-labelledby="reminders">
      <h2 id="reminders">{t('optionsRemindersHeading')}</h2>
      <PrivacyToggle
        label={t('optionsRemindersEnabled')}
        hint={t('optionsRemindersHint')}
        checked={r.enabled}
        testId="reminders-enabled"
        onChange={(enabled) => set({ enabled })}
      />
      {r.enabled && (
        <div className="sw-card">
          <div className="sw-row">
            <label htmlFor={`${id}-max`}>{t('optionsRemindersMax')}</label>
            <input
              id={`${id}-max`}
              type="number"
              min={1}
              max={20}
              value={r.maxPerWeek}
              onChange={(e) => {
                const n = Math.round(Number(e.currentTarget.value));
                if (n >= 1 && n <= 20) set({ maxPerWeek: n });
              }}
            />
          </div>
          <div className="sw-row">
            <label htmlFor={`${id}-start`}>{t('optionsRemindersFrom')}</label>
            <input
              id={`${id}-start`}
              type="number"
              min={0}
              max={23}
              value={r.startHour}
              onChange={(e) => {
                const n = Math.round(Number(e.currentTarget.value));
                if (n >= 0 && n < r.endHour) set({ startHour: n });
              }}
            />
            <label htmlFor={`${id}-end`}>{t('optionsRemindersTo')}</label>
            <input
              id={`${id}-end`}
              type="number"
              min={1}
              max={24}
              value={r.endHour}
              onChange={(e) => {
                const n = Math.round(Number(e.currentTarget.value));
                if (n > r.startHour && n <= 24) set({ endHour: n });
              }}
            />
          </div>
          <fieldset className="sw-choice">
            <legend>{t('optionsRemindersQuietDays')}</legend>
            {DAYS.map((d) => (
              <label key={d} className="sw-radio">
                <input
                  type="checkbox"
                  checked={r.quietDays.includes(d)}
                  onChange={(e) =>
                    set({
                      quietDays: e.currentTarget.checked
                        ? [...r.quietDays, d].sort()
                        : r.quietDays.filter((q) => q !== d),
                    })
                  }
                />
                {dayName(d)}
              </label>
            ))}
          </fieldset>
          <p className="sw-hint">{t('optionsRemindersNever')}</p>
        </div>
      )}
    </section>
  );
}
