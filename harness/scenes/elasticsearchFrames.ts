/**
 * The dashboard's Elasticsearch data source, as a Scenes runtime data source (registered under the uid the panel's
 * queries name). It answers each query with the frames a test gave for its refId, turned into DataFrames by
 * @grafana/runtime's `toDataQueryResponse`, the same step Grafana's Elasticsearch data source (a backend data
 * source) runs on the /api/ds/query response. It records what SceneQueryRunner asked for.
 */
import { DataFrameJSON, DataQuery, DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { BackendDataSourceResponse, toDataQueryResponse } from '@grafana/runtime';
import { RuntimeDataSource } from '@grafana/scenes';
import type { ReceivedRequest } from './types';

export const ELASTICSEARCH_UID = 'voice-calls';

export class ElasticsearchFrames extends RuntimeDataSource<DataQuery> {
  private frames: DataFrameJSON[] = [];
  readonly received: ReceivedRequest[] = [];

  constructor() {
    super('elasticsearch', ELASTICSEARCH_UID);
  }

  /** What the backend answers from now on. */
  answerWith(frames: DataFrameJSON[]) {
    this.frames = frames;
    this.received.length = 0;
  }

  query(request: DataQueryRequest<DataQuery>): Promise<DataQueryResponse> {
    this.received.push({
      targets: JSON.parse(JSON.stringify(request.targets)),
      range: { from: request.range.from.toISOString(), to: request.range.to.toISOString() },
    });
    const results: BackendDataSourceResponse['results'] = {};
    for (const target of request.targets) {
      results[target.refId] = {
        refId: target.refId,
        frames: this.frames.filter((frame) => frame.schema?.refId === target.refId),
      };
    }
    return Promise.resolve(toDataQueryResponse({ data: { results } }, request.targets));
  }
}
