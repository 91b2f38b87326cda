import { describe, expect, it } from 'vitest'
import { prmDiscoveryOrder } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const url = 'http://mcp.test/mcp?tenant=acme'
const challenge = {
  method: 'POST',
  url,
  status: 401,
  responseHeaders: [['www-authenticate', 'Bearer']] as Array<[string, string]>,
}
const prm = (resource: string) => JSON.stringify({ resource, authorization_servers: ['http://as.test'] })

describe('prm-discovery-order', () => {
  // go-sdk 1.8.0 on `/mcp?tenant=acme`: the path-inserted PRM named `…/mcp` without the query; it
  // rejected it (strictly, and defensibly) and probed the root next, and was blamed for it.
  it('a 200 for another resource does not end the search; one for this URL does', () => {
    const rejected = trialOf(config({ url }), [
      challenge,
      {
        method: 'GET',
        url: 'http://mcp.test/.well-known/oauth-protected-resource/mcp?tenant=acme',
        status: 200,
        responseBody: prm('http://mcp.test/mcp'),
      },
      { method: 'GET', url: 'http://mcp.test/.well-known/oauth-protected-resource?tenant=acme', status: 404 },
    ])
    expect(prmDiscoveryOrder.check(rejected)).toEqual([])
    const accepted = trialOf(config({ url }), [
      challenge,
      {
        method: 'GET',
        url: 'http://mcp.test/.well-known/oauth-protected-resource/mcp?tenant=acme',
        status: 200,
        responseBody: prm(url),
      },
      { method: 'GET', url: 'http://mcp.test/.well-known/oauth-protected-resource?tenant=acme', status: 404 },
    ])
    expect(prmDiscoveryOrder.check(accepted).map((v) => v.exchange)).toEqual([3])
  })
})
