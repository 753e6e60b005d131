import {
  DEFAULT_DISPLAY_LAYOUT,
  DisplayLayoutKind,
  DisplayOrientation,
  type Device,
} from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../../common/desk';
import { RefusalFor } from '../ConsoleDialog';
import './display-layouts.css';

// Display layouts (issue 19 item 3; docs/display-layouts.md): per hall display, the admin picks
// a layout and an orientation, sees it at scale before saving (a frame of the display's own
// preview page, drawn with sample data: no token, nothing a display would not show) and saves;
// the display changes at once.

/** The preview frame's size on the console: the display's size scaled down. */
const SCALE: Record<DisplayOrientation, number> = { landscape: 0.3, portrait: 0.24 };
const SCREEN: Record<DisplayOrientation, { width: number; height: number }> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
};

export function previewUrl(
  layout: DisplayLayoutKind,
  orientation: DisplayOrientation,
  lang: string,
): string {
  return `/display?preview=1&layout=${layout}&orientation=${orientation}&lang=${lang === 'en' ? 'en' : 'zh'}`;
}

export function DisplayLayoutAdmin() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const displays = hall.devices
    .filter((d) => d.kind === 'display' && d.revokedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="display-layouts-admin" data-testid="admin-displays">
      <p className="muted">{t('console.displayLayouts.explain')}</p>
      {displays.length === 0 ? (
        <p className="empty" data-testid="no-displays">
          {t('console.displayLayouts.none')}
        </p>
      ) : (
        displays.map((d) => <DisplayCard key={d.id} device={d} />)
      )}
    </div>
  );
}

function DisplayCard({ device }: { device: Device }) {
  const { t, i18n } = useTranslation();
  const { hall } = useStaffView();
  const { runner } = useDesk();
  const online = useOnline();
  const actionKey = `display-layout-${device.id}`;
  const busy = usePending(actionKey);
  const saved = hall.displayLayouts.find((l) => l.id === device.id) ?? DEFAULT_DISPLAY_LAYOUT;
  const [layout, setLayout] = useState<DisplayLayoutKind>(saved.layout);
  const [orientation, setOrientation] = useState<DisplayOrientation>(saved.orientation);
  const changed = layout !== saved.layout || orientation !== saved.orientation;
  const scale = SCALE[orientation];
  const screen = SCREEN[orientation];
  return (
    <section className="card display-card" data-display={device.id}>
      <div className="display-card-controls">
        <h3>{device.name}</h3>
        <p className="muted" data-testid="saved-layout">
          {t('console.displayLayouts.saved', {
            layout: t(`console.displayLayouts.layout.${saved.layout}`),
            orientation: t(`console.displayLayouts.orientation.${saved.orientation}`),
          })}
        </p>
        <fieldset>
          <legend>{t('console.displayLayouts.layoutTitle')}</legend>
          {DisplayLayoutKind.options.map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name={`layout-${device.id}`}
                value={k}
                checked={layout === k}
                onChange={() => setLayout(k)}
              />
              <span>
                <strong>{t(`console.displayLayouts.layout.${k}`)}</strong>
                <small className="muted">{t(`console.displayLayouts.layoutHint.${k}`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('console.displayLayouts.orientationTitle')}</legend>
          {DisplayOrientation.options.map((o) => (
            <label key={o} className="choice">
              <input
                type="radio"
                name={`orientation-${device.id}`}
                value={o}
                checked={orientation === o}
                onChange={() => setOrientation(o)}
              />
              <span>{t(`console.displayLayouts.orientation.${o}`)}</span>
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="primary"
          disabled={!online || busy || !changed}
          onClick={() =>
            void runner.run(actionKey, 'admin:set-display-layout', {
              deviceId: device.id,
              layout,
              orientation,
            })
          }
        >
          {t('console.displayLayouts.save')}
        </button>
        {!online && <p className="muted">{t('console.displayLayouts.offline')}</p>}
        <RefusalFor actionKey={actionKey} />
      </div>
      <figure className="display-preview">
        <div
          className="display-preview-frame"
          style={{ width: screen.width * scale, height: screen.height * scale }}
        >
          <iframe
            title={t('console.displayLayouts.previewTitle', { name: device.name })}
            src={previewUrl(layout, orientation, i18n.language)}
            width={screen.width}
            height={screen.height}
            style={{ transform: `scale(${scale})` }}
            tabIndex={-1}
            data-testid="display-preview"
          />
        </div>
        <figcaption className="muted">
          {t('console.displayLayouts.previewCaption', {
            width: screen.width,
            height: screen.height,
          })}
        </figcaption>
      </figure>
    </section>
  );
}
