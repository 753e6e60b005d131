import { DEFAULT_DISPLAY_LAYOUT, DisplayLayoutKind, DisplayOrientation } from '@onestop/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../common/use-lang';
import { Board } from './Board';
import { useClock } from './use-clock';
import { sampleBoard } from './sample-board';

// `/display?preview=1&layout=…&orientation=…`: a layout as the console's admin sees it before
// saving, drawn with sample data. It is not paired, never connects and asks the hall nothing,
// so it needs no display token and shows nothing a display would not; the hall lets only its
// own pages frame it (transport/preview-framing.ts).

export function isPreview(): boolean {
  return new URLSearchParams(window.location.search).get('preview') === '1';
}

export function DisplayPreview() {
  const { t, i18n } = useTranslation();
  const { zh } = useLang();
  const now = useClock();
  const params = new URLSearchParams(window.location.search);
  const layout = DisplayLayoutKind.catch(DEFAULT_DISPLAY_LAYOUT.layout).parse(params.get('layout'));
  const orientation = DisplayOrientation.catch(DEFAULT_DISPLAY_LAYOUT.orientation).parse(
    params.get('orientation'),
  );
  // In the console's language (`&lang=`), without keeping it as this browser's choice.
  const lang = params.get('lang');
  useEffect(() => {
    if (lang === 'zh' || lang === 'en') void i18n.changeLanguage(lang);
  }, [lang, i18n]);
  return (
    <Board
      view={sampleBoard(now, zh)}
      layout={layout}
      orientation={orientation}
      now={now}
      highlights={{}}
      offline={false}
      media={null}
      sampleMedia
      banner={
        <div className="banner preview-banner" role="status" data-testid="preview-banner">
          {t('previewSample')}
        </div>
      }
    />
  );
}
