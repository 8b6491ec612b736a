import type { Translation } from './en';

export const sv: Translation = {
  app: {
    title: 'Partner Desk',
    language: 'Språk',
    theme: 'Tema',
  },
  tabs: {
    label: 'Flikar för leads',
    marketplace: 'Marketplace-leads',
    qualified: 'Kvalificerade leads',
    cosell: 'Samförsäljning',
    favorites: 'Favoriter',
  },
  stages: {
    received: 'Mottagna',
    accepted: 'Accepterade',
    archived: 'Arkiverade',
  },
  outcomes: {
    won: 'Vunnen',
    lost: 'Förlorad',
    declined: 'Avböjd',
    expired: 'Utgången',
  },
  workspace: {
    label: 'Hänvisningar',
  },
  languages: {
    en: 'English',
    fr: 'Français',
    sv: 'Svenska',
  },
};
