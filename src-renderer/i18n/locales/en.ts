// English: the source language. French and Swedish must have every key (checked at compile time).
export const en = {
  app: {
    title: 'Partner Desk',
    language: 'Language',
    theme: 'Theme',
  },
  tabs: {
    label: 'Lead tabs',
    marketplace: 'Marketplace leads',
    qualified: 'Qualified leads',
    cosell: 'Co-sell',
    favorites: 'Favorites',
  },
  stages: {
    received: 'Received',
    accepted: 'Accepted',
    archived: 'Archived',
  },
  outcomes: {
    won: 'Won',
    lost: 'Lost',
    declined: 'Declined',
    expired: 'Expired',
  },
  workspace: {
    label: 'Referrals',
  },
  languages: {
    en: 'English',
    fr: 'Français',
    sv: 'Svenska',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Translation = Widen<typeof en>;
