"""A tiny hand-made Ergast-format dump for the archive contract tests.

A tiny hand-made Ergast-format dump for the archive contract tests (invented results, real
format). 1957: one race, no constructors' title. 2001: two Schumachers in both races.
2021: five rounds, two at the same circuit (Austrian and Styrian at Spielberg), a sprint at
round 3 (its points are in the standings only), and round 5 not yet run.

The results are invented (real format, made-up rows); the dump is written to a temporary
folder on first use, because the importer reads a folder of CSV files like a real dump.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

FILES: dict[str, str] = {
    "circuits.csv": r"""
circuitId,circuitRef,name,location,country,lat,lng,alt,url
1,"monza","Autodromo Nazionale di Monza","Monza","Italy",45.6156,9.28111,162,"http://example.org/monza"
2,"silverstone","Silverstone Circuit","Silverstone","UK",52.0786,-1.01694,153,"http://example.org/silverstone"
3,"yas_marina","Yas Marina Circuit","Abu Dhabi","UAE",24.4672,54.6031,3,"http://example.org/yas"
4,"red_bull_ring","Red Bull Ring","Spielberg","Austria",47.2197,14.7647,678,"http://example.org/rbr"
""",
    "constructor_standings.csv": r"""
constructorStandingsId,raceId,constructorId,points,position,positionText,wins
1,201,2,10,1,"1",1
2,201,1,6,2,"2",0
3,202,1,16,1,"1",1
4,202,2,10,2,"2",1
5,301,4,37,1,"1",1
6,301,3,33,2,"2",0
7,302,3,73,1,"1",1
8,302,4,67,2,"2",1
9,303,3,119,1,"1",2
10,303,4,85,2,"2",1
11,304,3,137,1,"1",2
12,304,4,125,2,"2",2
""",
    "constructors.csv": r"""
constructorId,constructorRef,name,nationality,url
1,"ferrari","Ferrari","Italian","http://example.org/ferrari"
2,"williams","Williams","British","http://example.org/williams"
3,"mercedes","Mercedes","German","http://example.org/mercedes"
4,"red_bull","Red Bull","Austrian","http://example.org/red_bull"
5,"maserati","Maserati","Italian","http://example.org/maserati"
""",
    "driver_standings.csv": r"""
driverStandingsId,raceId,driverId,points,position,positionText,wins
1,101,5,8,1,"1",1
2,101,6,6,2,"2",0
3,201,2,10,1,"1",1
4,201,1,6,2,"2",0
5,202,1,16,1,"1",1
6,202,2,10,2,"2",1
7,301,4,25,1,"1",1
8,301,7,18,2,"2",0
9,301,3,15,3,"3",0
10,301,8,12,4,"4",0
11,302,4,43,1,"1",1
12,302,3,40,2,"2",1
13,302,7,33,3,"3",0
14,302,8,24,4,"4",0
15,303,3,67,1,"1",2
16,303,7,52,2,"2",0
17,303,4,46,3,"3",1
18,303,8,39,4,"4",0
19,304,3,85,1,"1",2
20,304,4,71,2,"2",2
21,304,8,54,3,"3",0
22,304,7,52,4,"4",0
""",
    "drivers.csv": r"""
driverId,driverRef,number,code,forename,surname,dob,nationality,url
1,"michael_schumacher",\N,"MSC","Michael","Schumacher","1969-01-03","German","http://example.org/msc"
2,"ralf_schumacher",\N,"SCH","Ralf","Schumacher","1975-06-30","German","http://example.org/ral"
3,"hamilton",44,"HAM","Lewis","Hamilton","1985-01-07","British","http://example.org/ham"
4,"max_verstappen",33,"VER","Max","Verstappen","1997-09-30","Dutch","http://example.org/ver"
5,"fangio",\N,\N,"Juan","Fangio","1911-06-24","Argentine","http://example.org/fangio"
6,"duncan_hamilton",\N,\N,"Duncan","Hamilton","1920-04-30","British","http://example.org/dham"
7,"bottas",77,"BOT","Valtteri","Bottas","1989-08-28","Finnish","http://example.org/bot"
8,"perez",11,"PER","Sergio","Pérez","1990-01-26","Mexican","http://example.org/per"
""",
    "qualifying.csv": r"""
qualifyId,raceId,driverId,constructorId,number,position,q1,q2,q3
1,201,1,1,1,1,"1:22.216",\N,\N
2,201,2,2,6,2,"1:22.528",\N,\N
3,202,2,2,5,1,"1:20.447",\N,\N
4,202,1,1,1,2,"1:20.529",\N,\N
5,301,4,4,33,1,"1:04.000","1:03.900","1:03.720"
6,301,7,3,77,2,"1:04.100","1:04.000","1:03.900"
7,301,3,3,44,3,"1:04.200","1:04.100","1:04.000"
8,301,8,4,11,4,"1:04.300","1:04.200","1:04.100"
9,302,4,4,33,1,"1:04.000","1:03.900","1:03.841"
10,302,3,3,44,2,"1:04.100","1:04.000","1:04.068"
11,302,7,3,77,3,"1:04.200","1:04.100","1:04.100"
12,302,8,4,11,4,"1:04.300","1:04.200","1:04.200"
13,303,3,3,44,1,"1:26.000","1:25.500","1:26.134"
14,303,4,4,33,2,"1:26.100","1:25.600","1:26.209"
15,303,7,3,77,3,"1:26.200","1:25.700","1:26.300"
16,303,8,4,11,4,"1:26.300","1:25.800","1:26.400"
17,304,4,4,33,1,"1:23.000","1:22.500","1:22.109"
18,304,3,3,44,2,"1:23.100","1:22.600","1:22.480"
19,304,7,3,77,3,"1:23.200","1:22.700","1:22.600"
20,304,8,4,11,4,"1:23.300","1:22.800","1:22.700"
""",
    "races.csv": r"""
raceId,year,round,circuitId,name,date,time,url,fp1_date,fp1_time,fp2_date,fp2_time,fp3_date,fp3_time,quali_date,quali_time,sprint_date,sprint_time
101,1957,1,1,"Italian Grand Prix","1957-09-08",\N,"http://example.org/r101",\N,\N,\N,\N,\N,\N,\N,\N,\N,\N
201,2001,1,1,"Italian Grand Prix","2001-09-16","12:00:00","http://example.org/r201",\N,\N,\N,\N,\N,\N,\N,\N,\N,\N
202,2001,2,2,"British Grand Prix","2001-07-15","12:00:00","http://example.org/r202",\N,\N,\N,\N,\N,\N,\N,\N,\N,\N
301,2021,1,4,"Austrian Grand Prix","2021-07-04","13:00:00","http://example.org/r301",\N,\N,\N,\N,\N,\N,\N,\N,\N,\N
302,2021,2,4,"Styrian Grand Prix","2021-06-27","13:00:00","http://example.org/r302",\N,\N,\N,\N,\N,\N,\N,\N,\N,\N
303,2021,3,2,"British Grand Prix","2021-07-18","14:00:00","http://example.org/r303",\N,\N,\N,\N,\N,\N,\N,\N,"2021-07-17","14:30:00"
304,2021,4,3,"Abu Dhabi Grand Prix","2021-12-12","13:00:00","http://example.org/r304",\N,\N,\N,\N,\N,\N,\N,\N,\N,\N
305,2021,5,1,"Italian Grand Prix","2021-12-19","13:00:00","http://example.org/r305",\N,\N,\N,\N,\N,\N,\N,\N,\N,\N
""",
    "results.csv": r"""
resultId,raceId,driverId,constructorId,number,grid,position,positionText,positionOrder,points,laps,time,milliseconds,fastestLap,rank,fastestLapTime,fastestLapSpeed,statusId
1,101,5,5,2,2,1,"1",1,8,87,"2:35:03.9",9303900,\N,\N,\N,\N,1
2,101,6,1,4,1,2,"2",2,6,86,\N,\N,\N,\N,\N,\N,11
3,201,2,2,6,3,1,"1",1,10,53,"1:16:58.493",4618493,40,1,"1:25.073",245.1,1
4,201,1,1,1,1,2,"2",2,6,53,"+5.175",4623668,38,2,"1:25.500",244.0,1
5,202,1,1,1,2,1,"1",1,10,60,"1:25:33.770",5133770,45,1,"1:23.405",222.5,1
6,202,2,2,5,1,\N,"R",2,0,31,\N,\N,\N,\N,\N,\N,5
7,301,4,4,33,1,1,"1",1,25,71,"1:23:54.543",5034543,62,1,"1:06.200",234.8,1
8,301,7,3,77,2,2,"2",2,18,71,"+17.973",5052516,60,2,"1:07.000",232.0,1
9,301,3,3,44,3,3,"3",3,15,71,"+20.019",5054562,61,3,"1:07.100",231.7,1
10,301,8,4,11,4,4,"4",4,12,71,"+46.452",5080995,59,4,"1:07.300",231.0,1
11,302,3,3,44,2,1,"1",1,25,71,"1:22:18.925",4938925,60,1,"1:06.800",232.7,1
12,302,4,4,33,1,2,"2",2,18,71,"+35.743",4974668,61,2,"1:06.900",232.4,1
13,302,7,3,77,3,3,"3",3,15,71,"+46.907",4985832,59,3,"1:07.000",232.0,1
14,302,8,4,11,4,4,"4",4,12,70,\N,\N,58,4,"1:07.400",230.6,11
15,303,3,3,44,2,1,"1",1,25,52,"1:58:23.284",7103284,50,1,"1:28.617",239.2,1
16,303,7,3,77,3,2,"2",2,18,52,"+3.871",7107155,49,2,"1:29.000",238.2,1
17,303,8,4,11,4,3,"3",3,15,52,"+11.125",7114409,48,3,"1:29.300",237.4,1
18,303,4,4,33,1,\N,"R",4,0,0,\N,\N,\N,\N,\N,\N,5
19,304,4,4,33,1,1,"1",1,25,58,"1:30:17.345",5417345,39,1,"1:26.103",220.5,1
20,304,3,3,44,2,2,"2",2,18,58,"+2.256",5419601,40,2,"1:26.400",219.8,1
21,304,8,4,11,5,3,"3",3,15,58,"+5.173",5422518,41,3,"1:26.900",218.5,1
22,304,7,3,77,3,\N,"R",4,0,50,\N,\N,\N,\N,\N,\N,5
""",
    "seasons.csv": r"""
year,url
1957,"http://example.org/1957"
2001,"http://example.org/2001"
2021,"http://example.org/2021"
""",
    "sprint_results.csv": r"""
resultId,raceId,driverId,constructorId,number,grid,position,positionText,positionOrder,points,laps,time,milliseconds,fastestLap,fastestLapTime,statusId,rank
1,303,4,4,33,2,1,"1",1,3,17,"25:38.426",1538426,14,"1:30.013",1,\N
2,303,3,3,44,1,2,"2",2,2,17,"+1.430",1539856,17,"1:29.937",1,\N
3,303,7,3,77,3,3,"3",3,1,17,"+7.502",1545928,17,"1:30.400",1,\N
4,303,8,4,11,4,4,"4",4,0,17,"+10.000",1548426,16,"1:30.500",1,\N
""",
    "status.csv": r"""
statusId,status
1,"Finished"
5,"Engine"
11,"+1 Lap"
""",
}


@functools.cache
def mini_dump_dir() -> Path:
    """The folder holding the dump's CSV files (written once per test process)."""
    folder = Path(tempfile.mkdtemp(prefix="ergast-mini-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name, text in FILES.items():
        # Each text starts with a newline so the CSV lines up in this file; drop it.
        (folder / name).write_text(text.removeprefix("\n"), encoding="utf-8")
    return folder
