/**
 * The host's `runRequest` (@grafana/runtime `setRunRequest`): SceneQueryRunner hands it the data source and the
 * request and expects a stream of PanelData. Grafana's own (public/app/features/query/state/runRequest.ts) is
 * application code, not in any package; this keeps only what a panel can see: Loading, then the response's frames
 * (or its error) with the request and its time range. SceneQueryRunner does the rest itself (preProcessPanelData,
 * data layers, transformations).
 */
import { Observable, catchError, defer, from, map, of, startWith } from 'rxjs';
import {
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  LoadingState,
  PanelData,
} from '@grafana/data';
import { toDataQueryError } from '@grafana/runtime';

export function runRequest(
  datasource: DataSourceApi,
  request: DataQueryRequest,
  queryFunction?: typeof datasource.query
): Observable<PanelData> {
  const base = { timeRange: request.range, request };
  const query = queryFunction ?? datasource.query;
  return defer(() =>
    from(query.call(datasource, request) as Promise<DataQueryResponse> | Observable<DataQueryResponse>)
  ).pipe(
    map((response): PanelData => {
      const errors: DataQueryError[] = response.errors ?? (response.error ? [response.error] : []);
      return {
        ...base,
        state: errors.length > 0 ? LoadingState.Error : (response.state ?? LoadingState.Done),
        series: response.data ?? [],
        errors: errors.length > 0 ? errors : undefined,
        error: errors[0],
      };
    }),
    catchError((error: unknown) => {
      const queryError = toDataQueryError(error as DataQueryError);
      return of<PanelData>({ ...base, state: LoadingState.Error, series: [], error: queryError, errors: [queryError] });
    }),
    startWith<PanelData>({ ...base, state: LoadingState.Loading, series: [] })
  );
}
