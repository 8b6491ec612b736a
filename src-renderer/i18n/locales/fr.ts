import type { Translation } from './en';

export const fr: Translation = {
  app: {
    title: 'Partner Desk',
    language: 'Langue',
    theme: 'Thème',
  },
  tabs: {
    label: 'Onglets des prospects',
    marketplace: 'Prospects de la marketplace',
    qualified: 'Prospects qualifiés',
    cosell: 'Covente',
    favorites: 'Favoris',
  },
  stages: {
    received: 'Reçues',
    accepted: 'Acceptées',
    archived: 'Archivées',
  },
  outcomes: {
    won: 'Gagnée',
    lost: 'Perdue',
    declined: 'Refusée',
    expired: 'Expirée',
  },
  workspace: {
    label: 'Références',
  },
  languages: {
    en: 'English',
    fr: 'Français',
    sv: 'Svenska',
  },
};
