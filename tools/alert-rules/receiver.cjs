'use strict';
/**
 * The demo stack's alert receiver (docker-compose.yml, service `alerts`): Grafana's webhook contact point posts its
 * notifications here, and each alert becomes one log line, so `docker compose logs alerts` shows rules firing and
 * resolving. Plain Node, no dependencies. LOG_BODY=true also logs every request body as received.
 */
const http = require('node:http');

const MAX_BODY = 1024 * 1024;

/** One line per alert of a Grafana webhook body: "FIRING SIP 503 share (track) sip_code=503: <summary>". */
function describeNotification(body) {
  let payload;
  try {
    payload = JSON.parse(body);
  } catch {
    return [`not JSON (${body.length} bytes)`];
  }
  const alerts = payload && Array.isArray(payload.alerts) ? payload.alerts : [];
  if (alerts.length === 0) {
    return [`${String((payload && payload.status) || '?').toUpperCase()} (no alerts in the notification)`];
  }
  return alerts.map((entry) => {
    const alert = entry && typeof entry === 'object' ? entry : {};
    const labels = alert.labels || {};
    const summary = (alert.annotations && alert.annotations.summary) || '';
    const tags = ['sip_code', 'severity', 'team_policy']
      .filter((key) => labels[key])
      .map((key) => `${key}=${labels[key]}`);
    const status = String(alert.status || payload.status || '?').toUpperCase();
    return `${status} ${labels.alertname || '?'} ${tags.join(' ')}: ${summary}`;
  });
}

function start(port, log = console.log, logBody = false) {
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(request.url === '/health' ? 200 : 405).end();
      return;
    }
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body = body.length < MAX_BODY ? body + chunk : body;
    });
    request.on('end', () => {
      describeNotification(body).forEach((line) => log(line));
      if (logBody) {
        log(body);
      }
      response.writeHead(204).end();
    });
  });
  return server.listen(port);
}

if (require.main === module) {
  const port = Number(process.env.PORT) || 9099;
  start(port, console.log, process.env.LOG_BODY === 'true');
  console.log(`alert receiver listening on port ${port}`);
}

module.exports = { describeNotification, start };
