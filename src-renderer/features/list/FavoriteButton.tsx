import { useTranslation } from 'react-i18next';
import { useActions } from '../data/WorkspaceProvider';
import { HeartIcon } from './icons';

/** The heart: written to the outbox at once, so it works offline and the Favorites tab follows. */
export function FavoriteButton(props: { referralId: string; favorite: boolean; customer: string }) {
  const { t } = useTranslation();
  const actions = useActions();
  const label = props.favorite
    ? t('favorite.remove', { name: props.customer })
    : t('favorite.add', { name: props.customer });
  return (
    <button
      type="button"
      className={`icon-button heart${props.favorite ? ' heart-on' : ''}`}
      aria-pressed={props.favorite}
      aria-label={label}
      title={label}
      onClick={(event) => {
        event.stopPropagation();
        void actions.setFavorite({ referralId: props.referralId, favorite: !props.favorite });
      }}
    >
      <HeartIcon filled={props.favorite} />
    </button>
  );
}
