/** Messages that belong to the whole page: load progress and errors, grant requests, the embed consent. */
import { GrantRequest } from '../../ui/capabilities/GrantRequest';
import { LoadStatus } from '../../ui/loader/LoadStatus';
import { UpdatePrompt } from '../../ui/offline/UpdatePrompt';
import { SharedLinkNotice } from '../../ui/share/SharedLinkNotice';
import { EmbedConsent } from '../EmbedConsent';

export function Banners({ embedded }: { embedded: boolean }) {
  return (
    <div className="banners">
      <UpdatePrompt />
      <LoadStatus />
      <SharedLinkNotice />
      <GrantRequest />
      {embedded && <EmbedConsent />}
    </div>
  );
}
