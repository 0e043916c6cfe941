namespace PeeringLint.Cli.Output.Graph;

/// <summary>
/// The HTML report's stylesheet and script: hand-written, no library, inlined (the report works offline). The
/// script gives the diagram pan and zoom, search by name/id/CIDR, filters by severity and rule (diagram, matrix
/// and findings table), the virtualised VPC × VPC matrix (a canvas that draws only the visible cells), the focus
/// panel of a VPC, and sortable tables. Names from the input only ever reach the page as text (textContent),
/// never as markup.
/// </summary>
internal static class HtmlReportScript
{
    public const string Css = """
        body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#24292e;margin:24px;line-height:1.4}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #e1e4e8;padding-bottom:4px}
        .muted{color:#6a737d}.counts span{display:inline-block;margin-right:14px;font-weight:600}
        .error{color:#d73a49}.warning{color:#b08800}.note{color:#0366d6}.ok{color:#28a745}
        .legend span{display:inline-block;margin-right:16px}.sw{display:inline-block;width:12px;height:12px;border:2px solid;border-radius:3px;vertical-align:-2px;margin-right:4px}
        .toolbar{position:sticky;top:0;z-index:5;background:#fff;padding:6px 0;border-bottom:1px solid #e1e4e8;display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:13px}
        .toolbar input[type=search]{width:280px;padding:4px 6px}.toolbar select,.toolbar button{padding:3px 6px}
        .diagram-wrap{position:relative}
        .diagram{border:1px solid #e1e4e8;border-radius:6px;height:72vh;min-height:300px;overflow:hidden;resize:vertical;background:#fff;touch-action:none;cursor:grab}
        .diagram svg{width:100%;height:100%;display:block}
        .zoombar{position:absolute;right:8px;top:8px;display:flex;gap:4px}.zoombar button{width:30px;height:28px;font-size:15px;background:#fff;border:1px solid #d1d5da;border-radius:4px;cursor:pointer}
        .diagram .dim{opacity:.12}.diagram g.hit rect,.diagram g.hit polygon,.diagram g.hit path{stroke:#0366d6;stroke-width:4}
        .diagram svg.focus-on .vpc:not(.near),.diagram svg.focus-on .peering:not(.near),.diagram svg.focus-on .spoke{opacity:.1}
        .diagram g.vpc,.diagram g.cluster{cursor:pointer}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #e1e4e8;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f6f8fa;cursor:pointer;user-select:none;white-space:nowrap}th:after{content:" \2195";color:#959da5}
        td.loc{font-family:SFMono-Regular,Consolas,monospace;white-space:nowrap}pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}
        .notice{background:#fff8c5;border:1px solid #dbab09;border-radius:6px;padding:8px}
        #script-errors{background:#ffeef0;border:1px solid #d73a49;padding:8px;border-radius:6px}
        .mx-controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;font-size:13px;margin-bottom:6px}.mx-controls label{white-space:nowrap}
        #matrix-wrap{position:relative;height:60vh;min-height:260px;overflow:auto;border:1px solid #e1e4e8;border-radius:6px;resize:vertical}
        #matrix-canvas{position:absolute;left:0;top:0}#matrix-space{position:absolute;left:0;top:0;width:1px;height:1px}
        #tip{position:fixed;z-index:20;pointer-events:none;background:#24292e;color:#fff;font-size:12px;padding:4px 8px;border-radius:4px;max-width:420px;white-space:pre-line}
        #focus{position:fixed;top:0;right:0;width:400px;max-width:90vw;height:100%;overflow:auto;background:#fff;border-left:1px solid #d1d5da;box-shadow:-4px 0 12px rgba(0,0,0,.08);padding:12px 16px;z-index:10;box-sizing:border-box;font-size:13px}
        #focus h3{margin:4px 0;font-size:16px;word-break:break-all}#focus .close{float:right;cursor:pointer;border:0;background:none;font-size:20px}
        #focus table{font-size:12px}#focus code{word-break:break-all;background:#f6f8fa;padding:2px 4px;display:block}
        .link{color:#0366d6;cursor:pointer;text-decoration:underline}
        """;

    public const string Script = """
        (function(){
        "use strict";
        function $(id){return document.getElementById(id);}
        function el(tag,text,cls){var e=document.createElement(tag);if(text!=null)e.textContent=text;if(cls)e.className=cls;return e;}
        var SEVRANK={error:3,warning:2,note:1};
        var dataEl=$("network-data"),data=dataEl?JSON.parse(dataEl.textContent):{vpcs:[],peerings:[],hubs:[],groups:[],states:[]};
        var COLORS=["#28a745","#6f42c1","#e36209","#959da5","#b31d28","#d1d5da","#79b8ff"];
        var search=$("q"),sevSel=$("sev"),ruleSel=$("rule"),status=$("status"),tip=$("tip");
        var byNode={},byId={},peersOf=data.vpcs.map(function(){return [];}),hubsOf=data.vpcs.map(function(){return [];});
        data.vpcs.forEach(function(v,i){byNode[v.node]=i;byId[v.id]=i;});
        data.peerings.forEach(function(p,k){peersOf[p.a].push(k);if(p.b!==p.a)peersOf[p.b].push(k);});
        data.hubs.forEach(function(h){h.spokes.forEach(function(i){hubsOf[i].push(h);});});
        function vname(v){return v.n||v.id;}
        function sevOk(sev,rules){var s=sevSel.value,r=ruleSel.value;if(!s&&!r)return true;if(!sev)return false;
          if(s&&SEVRANK[sev]<SEVRANK[s])return false;if(r&&(" "+rules+" ").indexOf(" "+r+" ")<0)return false;return true;}
        function showTip(ev,text){tip.textContent=text;tip.hidden=false;tip.style.left=Math.min(ev.clientX+14,window.innerWidth-430)+"px";tip.style.top=(ev.clientY+14)+"px";}
        function hideTip(){tip.hidden=true;}

        // ---- diagram: pan and zoom by moving the viewBox ----
        var svg=document.querySelector(".diagram svg"),box=document.querySelector(".diagram"),vb0=null;
        function vb(){var b=svg.viewBox.baseVal;return {x:b.x,y:b.y,w:b.width,h:b.height};}
        function setVb(x,y,w,h){svg.setAttribute("viewBox",x+" "+y+" "+w+" "+h);}
        function zoom(f,cx,cy){var c=vb();var w=c.w*f;if(w<vb0.w/400||w>vb0.w*4)return;setVb(cx-(cx-c.x)*f,cy-(cy-c.y)*f,w,c.h*f);}
        function toSvg(ev){var p=svg.createSVGPoint();p.x=ev.clientX;p.y=ev.clientY;return p.matrixTransform(svg.getScreenCTM().inverse());}
        function zoomTo(node){var b=node.getBBox(),m=svg.getScreenCTM().inverse().multiply(node.getScreenCTM());
          var p=svg.createSVGPoint();p.x=b.x+b.width/2;p.y=b.y+b.height/2;p=p.matrixTransform(m);
          var w=Math.max(b.width*m.a*8,vb0.w/12),h=w*(box.clientHeight/Math.max(1,box.clientWidth));setVb(p.x-w/2,p.y-h/2,w,h);}
        if(svg){
          var v=svg.viewBox.baseVal;
          if(!v||!v.width){var bb=svg.getBBox();svg.setAttribute("viewBox",bb.x+" "+bb.y+" "+bb.width+" "+bb.height);}
          vb0=vb();svg.removeAttribute("width");svg.removeAttribute("height");svg.setAttribute("preserveAspectRatio","xMidYMid meet");
          svg.addEventListener("wheel",function(ev){ev.preventDefault();var p=toSvg(ev);zoom(ev.deltaY>0?1.2:1/1.2,p.x,p.y);},{passive:false});
          var drag=null,moved=false;
          svg.addEventListener("pointerdown",function(ev){drag={x:ev.clientX,y:ev.clientY,v:vb(),a:svg.getScreenCTM().a};moved=false;});
          window.addEventListener("pointermove",function(ev){if(!drag)return;var dx=ev.clientX-drag.x,dy=ev.clientY-drag.y;
            if(Math.abs(dx)+Math.abs(dy)>3)moved=true;if(moved)setVb(drag.v.x-dx/drag.a,drag.v.y-dy/drag.a,drag.v.w,drag.v.h);});
          window.addEventListener("pointerup",function(){drag=null;});
          svg.addEventListener("click",function(ev){if(moved)return;var t=ev.target.closest("g.vpc,g.cluster");if(t&&byNode[t.id]!=null)focusVpc(byNode[t.id]);});
          $("zin").addEventListener("click",function(){var c=vb();zoom(1/1.5,c.x+c.w/2,c.y+c.h/2);});
          $("zout").addEventListener("click",function(){var c=vb();zoom(1.5,c.x+c.w/2,c.y+c.h/2);});
          $("zfit").addEventListener("click",function(){setVb(vb0.x,vb0.y,vb0.w,vb0.h);});
        }
        var items=svg?[].slice.call(svg.querySelectorAll("g.vpc,g.hub,g.node,g.cluster")):[];
        var itemText=items.map(function(e){var t=[].map.call(e.querySelectorAll("text"),function(x){return x.textContent;}).join(" ");
          var ti=e.querySelector("title");return (t+" "+(ti&&!e.hasAttribute("data-vpc")?ti.textContent:"")+" "+(e.getAttribute("data-vpc")||"")+" "+(e.getAttribute("data-name")||"")+" "+(e.getAttribute("data-cidrs")||"")).toLowerCase();});
        var links=svg?[].slice.call(svg.querySelectorAll("path.peering,path.spoke,g.edge")):[];
        function elOk(e){var s=e.getAttribute("data-sev");if(s===null&&!e.classList.contains("vpc")&&!e.classList.contains("peering")&&!e.classList.contains("hub")){
          var t=e.textContent,sv=sevSel.value,r=ruleSel.value;if(!sv&&!r)return true;if(r&&t.indexOf(r)<0)return false;
          if(sv){var ok=false;for(var k in SEVRANK){if(SEVRANK[k]>=SEVRANK[sv]&&t.indexOf(k+" ")>=0)ok=true;}return ok;}return true;}
          return sevOk(s,e.getAttribute("data-rules")||"");}
        // An IPv4 address (or block) in the search box also finds the VPCs whose CIDR blocks contain it.
        function ip(s){var m=/^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(s);if(!m)return null;
          return {a:(((+m[1])<<24)>>>0)+((+m[2])<<16)+((+m[3])<<8)+(+m[4]),p:m[5]==null?32:+m[5]};}
        function ipIn(q,cidrs){var x=ip(q);if(!x||!cidrs)return false;return cidrs.split(/[ ,]+/).some(function(c){var b=ip(c);if(!b||b.p>x.p)return false;
          var mask=b.p===0?0:(0xFFFFFFFF<<(32-b.p))>>>0;return ((x.a&mask)>>>0)===((b.a&mask)>>>0);});}
        function vpcMatch(v,q){return !q||(v.id+" "+v.n+" "+v.c).toLowerCase().indexOf(q)>=0||ipIn(q,v.c);}

        // ---- search and filters ----
        var firstHit=null;
        function apply(){
          var q=search.value.trim().toLowerCase(),fil=!!(sevSel.value||ruleSel.value),hits=0,hitIds={};firstHit=null;
          items.forEach(function(e,i){var hit=(!q||itemText[i].indexOf(q)>=0||ipIn(q,e.getAttribute("data-cidrs")))&&elOk(e);
            e.classList.toggle("dim",(q||fil)&&!hit);e.classList.toggle("hit",!!q&&hit);
            if(hit&&(q||fil)){hits++;hitIds[e.id]=1;if(!firstHit)firstHit=e;}});
          links.forEach(function(e){var a=e.getAttribute("data-a"),b=e.getAttribute("data-b");var d=false;
            if(fil)d=!(e.classList.contains("spoke")?false:elOk(e))||e.classList.contains("spoke");
            else if(q&&a)d=!(hitIds[a]||hitIds[b]);e.classList.toggle("dim",d);});
          [].forEach.call(document.querySelectorAll("#findings tbody tr"),function(r){
            var ok=sevOk(r.getAttribute("data-sev"),r.getAttribute("data-rule"))&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.hidden=!ok;});
          status.textContent=(q||fil)?hits+" of "+items.length+" diagram elements match":"";
          matrixBuild();
        }
        search.addEventListener("input",apply);sevSel.addEventListener("change",apply);ruleSel.addEventListener("change",apply);
        search.addEventListener("keydown",function(ev){if(ev.key==="Enter"&&firstHit&&svg){zoomTo(firstHit);
          if(firstHit.id&&byNode[firstHit.id]!=null)focusVpc(byNode[firstHit.id]);}});

        // ---- matrix: only VPCs with a shown peering; a canvas that draws the visible cells ----
        var wrap=$("matrix-wrap"),cv=$("matrix-canvas"),space=$("matrix-space"),ctx=cv?cv.getContext("2d"):null;
        var M={rows:[],pos:{},cells:[],cell:12,lab:0,n:0};
        var stateOn=data.states.map(function(){return true;});
        function worst(i){var v=data.vpcs[i];return v.sev?SEVRANK[v.sev]:0;}
        function matrixBuild(){
          if(!ctx)return;
          var q=search.value.trim().toLowerCase(),shown=[],inRows={};
          data.peerings.forEach(function(p,k){if(!stateOn[p.st]||!sevOk(p.sev,p.rules||""))return;
            if(q&&!vpcMatch(data.vpcs[p.a],q)&&!vpcMatch(data.vpcs[p.b],q))return;shown.push(k);inRows[p.a]=1;inRows[p.b]=1;});
          var rows=Object.keys(inRows).map(Number),key=$("mxsort").value;
          var deg=function(i){return peersOf[i].length;};
          rows.sort(function(a,b){var va=data.vpcs[a],vb2=data.vpcs[b],c=0;
            if(key==="group")c=va.g-vb2.g;else if(key==="worst")c=worst(b)-worst(a);else if(key==="degree")c=deg(b)-deg(a);else if(key==="id")c=va.id<vb2.id?-1:va.id>vb2.id?1:0;
            return c||vname(va).localeCompare(vname(vb2),undefined,{numeric:true})||a-b;});
          M.rows=rows;M.pos={};rows.forEach(function(i,r){M.pos[i]=r;});M.cells=rows.map(function(){return [];});
          shown.forEach(function(k){var p=data.peerings[k],ra=M.pos[p.a],rb=M.pos[p.b];M.cells[ra].push([rb,k]);if(ra!==rb)M.cells[rb].push([ra,k]);});
          M.n=rows.length;var sz=$("mxsize").value;M.cell=sz==="auto"?(M.n<=150?14:M.n<=400?9:6):Number(sz);M.lab=M.cell>=9?170:0;
          space.style.width=(M.lab+M.n*M.cell+1)+"px";space.style.height=(M.lab+M.n*M.cell+1)+"px";
          $("mxcount").textContent=M.n+" of "+data.vpcs.length+" VPCs ("+shown.length+" of "+data.peerings.length+" peerings) shown; VPCs without a shown peering are left out";
          document.body.setAttribute("data-matrix-rows",String(M.n));
          draw();
        }
        function draw(){
          if(!ctx)return;var W=wrap.clientWidth,H=wrap.clientHeight,dpr=window.devicePixelRatio||1,sx=wrap.scrollLeft,sy=wrap.scrollTop,c=M.cell,L=M.lab;
          cv.width=W*dpr;cv.height=H*dpr;cv.style.width=W+"px";cv.style.height=H+"px";cv.style.transform="translate("+sx+"px,"+sy+"px)";
          ctx.setTransform(dpr,0,0,dpr,0,0);ctx.clearRect(0,0,W,H);ctx.fillStyle="#fff";ctx.fillRect(0,0,W,H);
          var r0=Math.max(0,Math.floor(sy/c)),r1=Math.min(M.n,Math.ceil((sy+H-L)/c)+1),c0=Math.max(0,Math.floor(sx/c)),c1=Math.min(M.n,Math.ceil((sx+W-L)/c)+1);
          if(c>=6){ctx.strokeStyle="#f0f2f4";ctx.lineWidth=1;ctx.beginPath();
            for(var i=r0;i<=r1;i++){var y=L+i*c-sy+.5;ctx.moveTo(L,y);ctx.lineTo(Math.min(W,L+M.n*c-sx),y);}
            for(var j=c0;j<=c1;j++){var x=L+j*c-sx+.5;ctx.moveTo(x,L);ctx.lineTo(x,Math.min(H,L+M.n*c-sy));}ctx.stroke();}
          for(var r=r0;r<r1;r++){M.cells[r].forEach(function(cc){if(cc[0]<c0||cc[0]>=c1)return;var p=data.peerings[cc[1]],x=L+cc[0]*c-sx,y=L+r*c-sy;
            ctx.fillStyle=COLORS[p.st]||"#000";ctx.fillRect(x+1,y+1,c-1,c-1);
            if(p.sev&&c>=6){ctx.strokeStyle=p.sev==="error"?"#24292e":"#586069";ctx.lineWidth=c>=12?2:1;ctx.strokeRect(x+1.5,y+1.5,c-2,c-2);}});}
          if(L>0){ctx.fillStyle="#fff";ctx.fillRect(0,0,W,L);ctx.fillRect(0,0,L,H);ctx.font=Math.min(12,c-1)+"px Helvetica,Arial,sans-serif";ctx.textBaseline="middle";
            for(var r2=r0;r2<r1;r2++){var v=data.vpcs[M.rows[r2]];ctx.fillStyle=v.sev==="error"?"#d73a49":v.sev==="warning"?"#b08800":"#24292e";ctx.fillText(cut(vname(v),24),4,L+r2*c-sy+c/2);}
            ctx.save();for(var c2=c0;c2<c1;c2++){var v2=data.vpcs[M.rows[c2]];ctx.save();ctx.translate(L+c2*c-sx+c/2,L-4);ctx.rotate(-Math.PI/2);
              ctx.fillStyle=v2.sev==="error"?"#d73a49":v2.sev==="warning"?"#b08800":"#24292e";ctx.fillText(cut(vname(v2),24),0,0);ctx.restore();}ctx.restore();
            ctx.fillStyle="#fff";ctx.fillRect(0,0,L,L);ctx.fillStyle="#6a737d";ctx.fillText("rows × columns: VPCs",4,L-10);}
        }
        function cut(s,n){return s.length>n?s.slice(0,n-1)+"…":s;}
        function hitTest(ev){var r=cv.getBoundingClientRect(),x=ev.clientX-r.left,y=ev.clientY-r.top,c=M.cell,L=M.lab;
          var col=Math.floor((x+wrap.scrollLeft-L)/c),row=Math.floor((y+wrap.scrollTop-L)/c);
          return {row:(y>=L&&row>=0&&row<M.n)?row:-1,col:(x>=L&&col>=0&&col<M.n)?col:-1,inRowLab:x<L,inColLab:y<L};}
        function cellAt(h){if(h.row<0||h.col<0)return null;var f=null;M.cells[h.row].forEach(function(cc){if(cc[0]===h.col)f=cc[1];});return f;}
        function pText(p){var a=data.vpcs[p.a],b=data.vpcs[p.b];return (p.n?p.n+"\n":"")+p.id+" · "+p.status+"\n"+vname(a)+" ↔ "+vname(b)+"\nstate: "+data.states[p.st]+"; "+p.routes+(p.sev?"\n"+p.sev+" "+p.rules:"");}
        if(ctx){
          wrap.addEventListener("scroll",draw);window.addEventListener("resize",draw);
          cv.addEventListener("mousemove",function(ev){var h=hitTest(ev),k=cellAt(h);
            if(k!=null)showTip(ev,pText(data.peerings[k]));
            else if(h.inRowLab&&h.row>=0){var v=data.vpcs[M.rows[h.row]];showTip(ev,vname(v)+"\n"+v.id+"\n"+v.c);}
            else if(h.inColLab&&h.col>=0){var v3=data.vpcs[M.rows[h.col]];showTip(ev,vname(v3)+"\n"+v3.id+"\n"+v3.c);}else hideTip();});
          cv.addEventListener("mouseleave",hideTip);
          cv.addEventListener("click",function(ev){var h=hitTest(ev);if(h.row>=0)focusVpc(M.rows[h.row]);else if(h.col>=0)focusVpc(M.rows[h.col]);});
          $("mxsort").addEventListener("change",matrixBuild);$("mxsize").addEventListener("change",matrixBuild);
          [].forEach.call(document.querySelectorAll("#mxstates input"),function(cb){cb.addEventListener("change",function(){stateOn[Number(cb.value)]=cb.checked;matrixBuild();});});
        }

        // ---- focus panel: a VPC and its direct peers ----
        var panel=$("focus");
        function focusVpc(i){
          var v=data.vpcs[i],body=$("focus-body");body.textContent="";panel.hidden=false;
          body.appendChild(el("h3",vname(v)));if(v.n)body.appendChild(el("div",v.id,"muted"));
          body.appendChild(el("div",(v.c||"CIDR unknown")+(v.ext?" · not in the input":" · "+(data.groups[v.g]||""))));
          if(v.sev){body.appendChild(el("div",v.sev+" "+v.rules,v.sev));(v.msgs||[]).forEach(function(m){body.appendChild(el("div","• "+m,"muted"));});}
          var ps=peersOf[i];body.appendChild(star(i,ps));
          var t=el("table"),hd=el("tr");["peer","peering","state","findings"].forEach(function(h){hd.appendChild(el("th",h));});t.appendChild(hd);
          ps.forEach(function(k){var p=data.peerings[k],o=p.a===i?p.b:p.a,tr=el("tr"),td=el("td");var a=el("span",vname(data.vpcs[o]),"link");
            a.addEventListener("click",function(){focusVpc(o);});td.appendChild(a);tr.appendChild(td);
            tr.appendChild(el("td",(p.n?p.n+" ":"")+p.id+" · "+p.status));tr.appendChild(el("td",data.states[p.st]+"; "+p.routes));
            tr.appendChild(el("td",p.sev?((p.msgs||[]).length?p.msgs.join(" | "):p.sev+" "+p.rules):"",p.sev||""));t.appendChild(tr);});
          body.appendChild(el("div",ps.length+" peering connection"+(ps.length===1?"":"s"),"muted"));body.appendChild(t);
          if(hubsOf[i].length)body.appendChild(el("div","transit gateways: "+hubsOf[i].map(function(h){return h.n||h.id;}).join(", ")));
          if(!v.ext){body.appendChild(el("p","The detailed diagram of this VPC and its peers (subnets, route tables, gateways, routes):","muted"));
            body.appendChild(el("code","peeringlint graph "+INPUTS+" --focus "+v.id+" --format html -o "+v.id+".html"));}
          if(svg){var near={};near[v.node]=1;ps.forEach(function(k){var p=data.peerings[k];near[p.node]=1;near[data.vpcs[p.a].node]=1;near[data.vpcs[p.b].node]=1;});
            svg.classList.add("focus-on");[].forEach.call(svg.querySelectorAll(".vpc,.peering"),function(e){e.classList.toggle("near",!!near[e.id]);});
            var n=document.getElementById(v.node);if(n&&svg.contains(n)){var sb=$("zshow");sb.hidden=false;sb.onclick=function(){zoomTo(n);};}}
        }
        function star(i,ps){var NS="http://www.w3.org/2000/svg",W=360,H=ps.length>12?360:260,cx=W/2,cy=H/2,R=Math.min(cx,cy)-30;
          var s=document.createElementNS(NS,"svg");s.setAttribute("width",W);s.setAttribute("height",H);s.setAttribute("viewBox","0 0 "+W+" "+H);
          function node(x,y,v,main){var g=document.createElementNS(NS,"g"),r=document.createElementNS(NS,"rect"),t=document.createElementNS(NS,"text");
            r.setAttribute("x",x-45);r.setAttribute("y",y-10);r.setAttribute("width",90);r.setAttribute("height",20);r.setAttribute("rx",3);
            r.setAttribute("fill",v.sev==="error"?"#ffeef0":v.sev==="warning"?"#fff8c5":main?"#f1f8ff":"#fff");r.setAttribute("stroke",v.sev==="error"?"#d73a49":v.sev==="warning"?"#dbab09":"#444d56");
            if(v.ext)r.setAttribute("stroke-dasharray","3 2");t.setAttribute("x",x);t.setAttribute("y",y+4);t.setAttribute("text-anchor","middle");t.setAttribute("font-size","10");
            t.textContent=cut(vname(v),15);var ti=document.createElementNS(NS,"title");ti.textContent=vname(v)+"\n"+v.id+"\n"+v.c;g.appendChild(ti);g.appendChild(r);g.appendChild(t);s.appendChild(g);return g;}
          var pts=ps.map(function(k,j){var a=-Math.PI/2+2*Math.PI*j/Math.max(1,ps.length);return [cx+R*Math.cos(a)*1.1,cy+R*Math.sin(a)];});
          ps.forEach(function(k,j){var p=data.peerings[k],l=document.createElementNS(NS,"line");l.setAttribute("x1",cx);l.setAttribute("y1",cy);l.setAttribute("x2",pts[j][0]);l.setAttribute("y2",pts[j][1]);
            l.setAttribute("stroke",p.sev==="error"?"#d73a49":COLORS[p.st]);l.setAttribute("stroke-width",p.sev?2.5:1.5);var ti=document.createElementNS(NS,"title");ti.textContent=pText(p);l.appendChild(ti);s.appendChild(l);});
          ps.forEach(function(k,j){var p=data.peerings[k],o=p.a===i?p.b:p.a,g=node(pts[j][0],pts[j][1],data.vpcs[o],false);g.style.cursor="pointer";g.addEventListener("click",function(){focusVpc(o);});});
          node(cx,cy,data.vpcs[i],true);return s;}
        var INPUTS=(document.body.getAttribute("data-inputs")||"…");
        if(panel)$("focus-close").addEventListener("click",function(){panel.hidden=true;if(svg){svg.classList.remove("focus-on");$("zshow").hidden=true;}});

        // ---- sortable tables ----
        document.querySelectorAll("table.sortable").forEach(function(t){
          t.querySelectorAll("th").forEach(function(th,i){
            th.addEventListener("click",function(){
              var asc=th.getAttribute("data-dir")!=="asc";th.setAttribute("data-dir",asc?"asc":"desc");
              var rows=Array.prototype.slice.call(t.tBodies[0].rows);
              rows.sort(function(a,b){
                var x=a.cells[i].getAttribute("data-sort")||a.cells[i].textContent,y=b.cells[i].getAttribute("data-sort")||b.cells[i].textContent;
                return (asc?1:-1)*x.localeCompare(y,undefined,{numeric:true});
              });
              rows.forEach(function(r){t.tBodies[0].appendChild(r);});
            });
          });
        });
        matrixBuild();
        document.body.setAttribute("data-ready",String(document.querySelectorAll(".diagram [data-vpc], .diagram g.cluster[id^=vpc_]").length));
        })();
        """;

    /// <summary>Runs first: records script errors on the page (the CI check reads them from the DOM).</summary>
    public const string ErrorHook = """
        window.addEventListener("error",function(e){var d=document.getElementById("script-errors");var m=String(e.message||e);
          document.documentElement.setAttribute("data-script-errors",(document.documentElement.getAttribute("data-script-errors")||"")+m+";");
          if(d){d.hidden=false;d.textContent+="Script error: "+m+" ";}});
        """;
}
