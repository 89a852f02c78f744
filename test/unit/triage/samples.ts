/**
 * Real responses, copied verbatim from public issue threads (URL beside each)
 * or captured from real nginx 1.22.1 with curl 7.88.1 on the project's lab
 * setup. Used by the "who returned this 502?" tests and the e2e test.
 */

export interface Sample {
  name: string;
  source: string;
  text: string;
}

/** curl -sv against nginx 1.22.1 whose proxy_pass port has nothing listening (lab, 2026-12-07). */
export const CURL_NGINX_502: Sample = {
  name: 'curl -sv, nginx 1.22.1 own 502',
  source: 'lab: nginx 1.22.1 + curl 7.88.1, proxy_pass to a closed port',
  text: `*   Trying 127.0.0.1:61987...
* Connected to 127.0.0.1 (127.0.0.1) port 61987 (#0)
> GET /checkout HTTP/1.1
> Host: shop.example.com
> User-Agent: curl/7.88.1
> Accept: */*
> 
< HTTP/1.1 502 Bad Gateway
< Server: nginx/1.22.1
< Date: Mon, 07 Dec 2026 00:59:13 GMT
< Content-Type: text/html
< Content-Length: 157
< Connection: keep-alive
< 
{ [157 bytes data]
* Connection #0 to host 127.0.0.1 left intact
<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.22.1</center>
</body>
</html>
`,
};

/** curl -sv against nginx 1.22.1 relaying a Python http.server 502 (lab, 2026-12-07). */
export const CURL_BACKEND_502: Sample = {
  name: 'curl -sv, backend 502 relayed by nginx',
  source: 'lab: nginx 1.22.1 + curl 7.88.1, proxy_pass to python3 http.server answering send_error(502)',
  text: `*   Trying 127.0.0.1:61987...
* Connected to 127.0.0.1 (127.0.0.1) port 61987 (#0)
> GET /api/orders HTTP/1.1
> Host: shop.example.com
> User-Agent: curl/7.88.1
> Accept: */*
> 
< HTTP/1.1 502 Bad Gateway
< Server: nginx/1.22.1
< Date: Mon, 07 Dec 2026 01:00:08 GMT
< Content-Type: text/html;charset=utf-8
< Content-Length: 346
< Connection: keep-alive
< 
{ [346 bytes data]
* Connection #0 to host 127.0.0.1 left intact
<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: 502</p>
        <p>Message: Bad Gateway.</p>
        <p>Error code explanation: 502 - Invalid responses from another server/proxy.</p>
    </body>
</html>
`,
};

export const ALB_PRINT_R: Sample = {
  name: 'AWS ALB 502, headers as PHP print_r and body',
  source: 'https://github.com/esi/esi-issues/issues/902',
  text: `            [0] => HTTP/1.1 502 Bad Gateway
            [1] => Server: awselb/2.0
            [2] => Date: Sat, 05 May 2018 02:36:48 GMT
            [3] => Content-Type: text/html
            [4] => Content-Length: 138
            [5] => Connection: keep-alive
<html>
<head><title>502 Bad Gateway</title></head>
<body bgcolor="white">
<center><h1>502 Bad Gateway</h1></center>
</body>
</html>`,
};

export const CLOUDFLARE_520_HEADERS: Sample = {
  name: 'Cloudflare 520, curl -I',
  source: 'https://github.com/mitchellkrogza/nginx-ultimate-bad-bot-blocker/issues/276',
  text: `HTTP/1.1 520 Origin Error
Date: Fri, 28 Jun 2019 13:56:39 GMT
Content-Type: text/html; charset=UTF-8
Connection: keep-alive
Set-Cookie: __cfduid=d3c6405293d325808c3130fd81d90d3761561730199; expires=Sat, 27-Jun-20 13:56:39 GMT; path=/; domain=.[domain2]; HttpOnly; Secure
Expect-CT: max-age=604800, report-uri="https://report-uri.cloudflare.com/cdn-cgi/beacon/expect-ct"
Set-Cookie: cf_use_ob=0; path=/; expires=Fri, 28-Jun-19 13:57:09 GMT
Expires: Thu, 01 Jan 1970 00:00:01 GMT
Cache-Control: no-store, no-cache, must-revalidate, post-check=0, pre-check=0
Pragma: no-cache
Server: cloudflare
CF-RAY: 4ee02a558935bdc3-AMS`,
};

export const CLOUDFLARE_520_PAGE: Sample = {
  name: 'Cloudflare 520 branded page (head)',
  source: 'https://gist.github.com/cbarley10/61cb71de0327d52a63e0c6955bd13423',
  text: `<!DOCTYPE html>
<html class="no-js" lang="en-US">
<head>
<title>inhisname.com | 520: Web server is returning an unknown error</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta http-equiv="X-UA-Compatible" content="IE=Edge" />
<meta name="robots" content="noindex, nofollow" />
<meta name="viewport" content="width=device-width,initial-scale=1" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head>
<body>
<div id="cf-wrapper">
<div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
<h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2"><span class="inline-block">Web server is returning an unknown error</span><span class="code-label">Error code 520</span></h1>`,
};

export const NGINX_CURL_I_OLD: Sample = {
  name: 'nginx 0.7.67 own 502, curl -I only',
  source: 'https://github.com/badges/pypipins/issues/9',
  text: `HTTP/1.1 502 Bad Gateway
Server: nginx/0.7.67
Date: Wed, 29 Jan 2014 14:21:35 GMT
Content-Type: text/html
Content-Length: 173
Connection: keep-alive`,
};

export const NGINX_PAGE: Sample = {
  name: 'nginx 1.21.6 502 page',
  source: 'https://github.com/judif/mtls-nginx-nodejs-example/issues/3',
  text: `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.21.6</center>
</body>
</html>`,
};

export const NGINX_PAGE_ONE_LINE: Sample = {
  name: 'nginx 502 page on one line, server_tokens off',
  source: 'https://github.com/MeltwaterArchive/datasift-ruby/issues/86',
  text: `<html> <head><title>502 Bad Gateway</title></head> <body bgcolor="white"> <center><h1>502 Bad Gateway</h1></center> <hr><center>nginx</center> </body> </html>`,
};

export const NGINX_PROXY_503: Sample = {
  name: 'nginx-proxy 503 page (nginx 1.19.3)',
  source: 'https://github.com/nginx-proxy/nginx-proxy/issues/1562',
  text: `<html>
<head><title>503 Service Temporarily Unavailable</title></head>
<body>
<center><h1>503 Service Temporarily Unavailable</h1></center>
<hr><center>nginx/1.19.3</center>
</body>
</html>`,
};

export const OPENRESTY_413: Sample = {
  name: 'OpenResty 413 page',
  source: 'https://github.com/openresty/lua-resty-upload/issues/27',
  text: `<html>
<head><title>413 Request Entity Too Large</title></head>
<body bgcolor="white">
<center><h1>413 Request Entity Too Large</h1></center>
<hr><center>openresty/1.9.15.1</center>
</body>
</html>`,
};

export const AZURE_APPGW_PAGE: Sample = {
  name: 'Azure Application Gateway v2 502 page',
  source: 'https://github.com/MicrosoftDocs/azure-docs/issues/110739',
  text: `$ curl 40.113.236.183
<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>Microsoft-Azure-Application-Gateway/v2</center>
</body>
</html>`,
};

export const KONG_RING_BALANCER: Sample = {
  name: 'Kong ring-balancer 503 body',
  source: 'https://github.com/Kong/kong/issues/7156',
  text: `{"message":"failure to get a peer from the ring-balancer"}`,
};

export const GITLAB_PAGE: Sample = {
  name: 'GitLab 502 page text',
  source: 'https://github.com/gitlabhq/gitlabhq/issues/9870',
  text: `web browser show 502
Whoops, GitLab is taking too much time to respond.`,
};
