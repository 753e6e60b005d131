import './voice-status.css';
import i18next from 'i18next';
import { useVoiceStatus } from './voice-status';

// The display's word on its recorded voice: when a call could not be made of the hall's clips
// (a word of the wording without its clip, a clip that would not load), it says so in both
// languages, for whoever looks after the display; the call itself was spoken by speech
// synthesis. Nothing while the recorded voice works, or while the hall uses speech.

export function VoiceStatus() {
  const recorded = useVoiceStatus((s) => s.recorded);
  if (recorded.kind !== 'fallback') return null;
  const missing = recorded.missing.join(' ');
  return (
    <p className="voice-status" role="status" data-testid="voice-status">
      <span lang="zh-CN">{i18next.t('voiceFallback', { lng: 'zh', missing })}</span>
      <span lang="en">{i18next.t('voiceFallback', { lng: 'en', missing })}</span>
    </p>
  );
}
