/** Messages that belong to the whole page: load progress and errors, grant requests, the embed consent. */
import { GrantRequest } from '../../ui/capabilities/GrantRequest';
import { LoadStatus } from '../../ui/loader/LoadStatus';
import { EmbedConsent } from '../EmbedConsent';

export function Banners({ embedded }: { embedded: boolean }) {
  return (
    <div className="banners">
      <LoadStatus />
      <GrantRequest />
      {embedded && <EmbedConsent />}
    </div>
  );
}
