import { pairDevice, restartWithoutToken } from '@onestop/client';
import { PairingScreen as SharedPairingScreen } from '@onestop/ui';
import { useTranslation } from 'react-i18next';
import { useDesk, useView } from './desk';
import { forgetScreenToken, rememberPadCounter, saveScreenToken } from './device-identity';
import { LanguageToggle } from './LanguageToggle';

/**
 * An unpaired or refused desk screen: the one pairing screen (@onestop/ui); the token it gets is
 * kept for this screen only (a desk PC may run the workstation and the pad side by side).
 */
export function PairingScreen() {
  const { t } = useTranslation();
  const { screen } = useDesk();
  const refusal = useView((v) => v.refusal);
  return (
    <SharedPairingScreen
      className="centered-screen"
      reason={refusal ?? 'not_paired'}
      corner={<LanguageToggle />}
      pair={async (code) => {
        const outcome = await pairDevice(code, { origin: window.location.origin });
        if (outcome.state === 'paired') {
          const { deviceToken, counterId } = outcome.device;
          saveScreenToken(screen, deviceToken);
          if (screen === 'pad' && counterId) rememberPadCounter(counterId);
          restartWithoutToken();
        }
        return outcome;
      }}
    >
      {refusal && (
        <button
          type="button"
          className="link"
          onClick={() => {
            forgetScreenToken(screen);
            restartWithoutToken();
          }}
        >
          {t('pairing.forget')}
        </button>
      )}
    </SharedPairingScreen>
  );
}
