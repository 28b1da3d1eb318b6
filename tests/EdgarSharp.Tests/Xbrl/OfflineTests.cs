using System.Net;
using System.Net.Sockets;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>Nothing reaches the network: every URL a DTS names points at a loopback listener that must see no connection.</summary>
public class OfflineTests
{
    [Fact]
    public void Loading_a_dts_never_connects_to_the_urls_it_names()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var host = $"http://127.0.0.1:{port}";
        var folder = Directory.CreateTempSubdirectory("edgarsharp-offline-").FullName;
        File.WriteAllText(Path.Combine(folder, "company.xsd"), $"""
            <?xml version="1.0"?>
            <!DOCTYPE schema [ <!ENTITY remote SYSTEM "{host}/entity"> ]>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
                xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://example.com/c {host}/hint.xsd"
                targetNamespace="http://example.com/c">
              <xs:annotation><xs:appinfo>
                <link:linkbaseRef xlink:type="simple" xlink:href="{host}/remote_lab.xml" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
                <link:linkbaseRef xlink:type="simple" xlink:href="company_def.xml" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
              </xs:appinfo></xs:annotation>
              <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="{host}/xbrl-instance-2003-12-31.xsd"/>
              <xs:element id="c_A" name="A" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item" xbrli:periodType="instant"/>
              <xs:annotation><xs:documentation>&remote;</xs:documentation></xs:annotation>
            </xs:schema>
            """);
        File.WriteAllText(Path.Combine(folder, "company_def.xml"), $"""
            <?xml version="1.0"?>
            <link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
              <link:definitionLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
                <link:loc xlink:type="locator" xlink:href="company.xsd#c_A" xlink:label="a"/>
                <link:loc xlink:type="locator" xlink:href="{host}/us-gaap.xsd#us-gaap_Assets" xlink:label="b"/>
                <link:definitionArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/general-special" xlink:from="a" xlink:to="b"/>
              </link:definitionLink>
            </link:linkbase>
            """);

        var dts = Dts.Load(Path.Combine(folder, "company.xsd"));

        Assert.False(listener.Pending(), "The loader opened a connection: EdgarSharp must work offline.");
        Assert.Contains(dts.Diagnostics, d => d.Code == "edgar:schemaNotFound" && d.Message.Contains(host + "/us-gaap.xsd", StringComparison.Ordinal));
        Assert.Contains(dts.Diagnostics, d => d.Code == "xml:notWellFormed" && d.Message.Contains("remote", StringComparison.Ordinal));
    }
}
