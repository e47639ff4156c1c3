import { useState } from "react";
import type { AppInfo, KeyServiceStatus, RequesterCampaign } from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { useLiveQuery } from "../../ui/use-live-query";
import { CampaignList } from "./CampaignList";
import { CreateCampaignForm } from "./CreateCampaignForm";
import { RentPanel } from "./RentPanel";
import { ReviewPanel } from "./ReviewPanel";

/**
 * The requester's side of the market, on the same library as the `amplify` CLI: create a
 * campaign from a folder, watch it fill, review by consensus and export the dataset.
 */
export function RequesterScreen() {
  const info = useLiveQuery<AppInfo>(() => getApi().app.info());
  const campaigns = useLiveQuery<RequesterCampaign[]>(() => getApi().requester.campaigns(), {
    refreshOn: ["market:changed"],
    intervalMs: 5_000,
  });
  const keyService = useLiveQuery<KeyServiceStatus>(() => getApi().requester.keyService(), { intervalMs: 5_000 });
  const [selected, setSelected] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const changed = () => {
    campaigns.reload();
    setVersion((v) => v + 1);
  };
  const canPickFolder = info.value?.shell === "electron";
  const list = campaigns.value ?? [];
  const current = list.find((c) => c.address === selected) ?? null;

  return (
    <div className="requester">
      <CreateCampaignForm
        canPickFolder={canPickFolder}
        onCreated={(c) => (campaigns.reload(), setSelected(c.campaign))}
      />
      <div className="screen requester-main">
        <section className="panel wide" aria-labelledby="my-campaigns-heading">
          <div className="panel-head">
            <h2 id="my-campaigns-heading">My campaigns</h2>
            {keyService.value && (
              <span className="muted small" data-testid="key-service">
                {keyService.value.running
                  ? `Granting keys to workers of private campaigns (${keyService.value.granted} so far)`
                  : "Key service idle (no open private campaign)"}
              </span>
            )}
            <button onClick={campaigns.reload}>Refresh</button>
          </div>
          {campaigns.error && (
            <ErrorNotice message={`Your campaigns could not be read. ${campaigns.error}`} onRetry={campaigns.reload} />
          )}
          {campaigns.value && (
            <CampaignList campaigns={list} selected={selected} onSelect={setSelected} onChanged={changed} />
          )}
          {!campaigns.value && !campaigns.error && <p role="status">Reading your campaigns…</p>}
        </section>
        <RentPanel version={version} />
        {current && (
          <ReviewPanel
            key={current.address}
            campaign={current}
            canPickFolder={canPickFolder}
            onChanged={campaigns.reload}
          />
        )}
      </div>
    </div>
  );
}
